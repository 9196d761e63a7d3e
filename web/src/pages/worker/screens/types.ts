/** What the machine workerPart publishes (machines/worker-part/context.ts publicContextOf). */
export interface ListedRequest {
  ticket: string;
  status: string;
  employer: { enterprise: string; name: string };
  school: { number: string; name: string } | null;
  leave: string | null;
  form: string | null;
  start: string | null;
  end: string | null;
  updatedAt: string;
  awaitsMyPart: boolean;
}

export interface DeclaredRequest extends Omit<ListedRequest, 'awaitsMyPart'> {
  community: string | null;
  workerStatus: string;
  workload: { level: string; before: number; during: number; givenUp: number; multipleEmployers: boolean; interruptsAllEmployers: boolean | null } | null;
  occupationDeclarationRequired: boolean | null;
  email: string | null;
}

export interface WorkerPartView {
  requests: ListedRequest[];
  ticket: string | null;
  request: DeclaredRequest | null;
  requestStatus: string | null;
  statusReason: string | null;
}
