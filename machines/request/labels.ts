/** French text of the request journey's screens, in the guide's wording (step 3 and the overview). */
import { REQUEST_STATUSES } from '../../domain';
import type { LabelMap } from '../journey';

const ABANDON = 'Abandonner la demande';
const BACK = 'Retour';
const NEXT = 'Suivant';
const NEW_REQUEST = 'Introduire une nouvelle demande';
const TICKET = 'Numéro de ticket';
const TICKET_HINT = 'Ce numéro de ticket permet de suivre le statut de la demande dans l’écran d’aperçu.';
const OCCUPATION_DECLARATION =
  'Dans le cas d’une interruption/réduction des prestations auprès d’un seul employeur, le travailleur devra également ' +
  'transmettre à son bureau une déclaration d’occupation attestant de ses prestations auprès de son (ses) autre(s) employeur(s).';

export const requestLabels = {
  'request.workerSelection.title': NEW_REQUEST,
  'request.workerSelection.instruction': 'Sélectionnez un membre du personnel.',
  'request.workerSelection.community':
    'Choisissez la communauté pour laquelle vous agissez en tant que pouvoir organisateur (Communauté flamande, Fédération Wallonie-Bruxelles, Communauté germanophone).',
  'request.workerSelection.school': 'Indiquez le numéro BCE de l’école où le membre du personnel est occupé.',
  'request.workerSelection.niss': 'NISS du membre du personnel',
  'request.workerSelection.dimonaWarning':
    'Attention : Veuillez ne pas utiliser la liste Dimona si elle est disponible mais tapez systématiquement le NISS du travailleur dans le champ adéquat.',
  'request.workerSelection.status': 'Choisissez son statut (statutaire, contractuel ou temporaire).',
  'request.workerSelection.email': 'Vous pouvez indiquer une adresse mail. Celle-ci est facultative.',
  'request.workerSelection.select': 'Sélectionner',
  'request.workerSelection.abandon': ABANDON,

  'request.workerSelected.title': 'Membre du personnel sélectionné',
  'request.workerSelected.instruction': 'Une fois le travailleur sélectionné, cliquez dans le menu à gauche sur « Introduire une nouvelle demande ».',
  'request.workerSelected.newRequest': NEW_REQUEST,
  'request.workerSelected.otherWorker': 'Sélectionner un autre membre du personnel',
  'request.workerSelected.abandon': ABANDON,

  'request.leaveSelection.title': 'Congé sollicité',
  'request.leaveSelection.leave': 'Sélectionner le congé sollicité par le travailleur.',
  'request.leaveSelection.form': 'Forme de l’interruption',
  'request.leaveSelection.next': NEXT,
  'request.leaveSelection.back': BACK,
  'request.leaveSelection.abandon': ABANDON,

  'request.questions.title': 'Caractéristiques de l’interruption',
  'request.questions.instruction': 'Répondez aux questions suivantes.',
  'request.questions.workloadIntro':
    'Renseignez les caractéristiques de l’interruption : la charge de travail avant et pendant l’interruption ainsi que la charge abandonnée.',
  'request.questions.periodsAdvice':
    'Le cas échéant, veuillez renseigner ces informations en périodes et ne pas convertir la charge de travail en heures/minutes.',
  'request.questions.level': 'Niveau d’enseignement',
  'request.questions.before': 'Charge de travail avant l’interruption (en périodes)',
  'request.questions.during': 'Charge de travail pendant l’interruption (en périodes)',
  'request.questions.givenUp': 'Charge abandonnée (en périodes)',
  'request.questions.start': 'Date de début',
  'request.questions.end': 'Date de fin',
  'request.questions.multipleEmployers': 'occupation chez plusieurs employeurs',
  'request.questions.multipleEmployersHint':
    'Si vous introduisez une demande pour un travailleur occupé à temps partiel chez plusieurs employeurs juridiques différents ' +
    '(cela vaut également si le travailleur est occupé auprès de 2 Communautés différentes), cochez alors la case « occupation chez plusieurs employeurs ».',
  'request.questions.interruptsAllEmployers': 'L’interruption concerne tous les employeurs',
  'request.questions.occupationDeclaration': OCCUPATION_DECLARATION,
  'request.questions.next': NEXT,
  'request.questions.back': BACK,
  'request.questions.abandon': ABANDON,

  'request.confirmation.title': 'Confirmation',
  'request.confirmation.instruction': 'Vérifiez les données et cochez la dernière case si toutes les informations sont correctes.',
  'request.confirmation.givenUp': 'Charge abandonnée (en périodes)',
  'request.confirmation.fraction': 'Fraction de la charge abandonnée',
  'request.confirmation.occupationDeclaration': OCCUPATION_DECLARATION,
  'request.confirmation.warnings': 'Avertissements',
  'request.confirmation.allCorrect': 'Toutes les informations sont correctes',
  'request.confirmation.confirm': 'Confirmer',
  'request.confirmation.back': BACK,
  'request.confirmation.abandon': ABANDON,

  'request.awaitingWorker.title': REQUEST_STATUSES.awaiting_worker.label,
  'request.awaitingWorker.ticket': TICKET,
  'request.awaitingWorker.ticketHint': `Vous recevez un numéro de ticket, celui-ci permet de suivre le statut de la demande dans l’écran d’aperçu.`,
  'request.awaitingWorker.withdraw': 'Retirer la demande',

  'request.inProcessing.title': REQUEST_STATUSES.in_processing.label,
  'request.inProcessing.ticket': TICKET,
  'request.inProcessing.ticketHint': TICKET_HINT,

  'request.accepted.title': REQUEST_STATUSES.accepted.label,
  'request.accepted.ticket': TICKET,
  'request.refused.title': REQUEST_STATUSES.refused.label,
  'request.refused.ticket': TICKET,
  'request.withdrawn.title': REQUEST_STATUSES.withdrawn.label,
  'request.expired.title': REQUEST_STATUSES.expired.label,
  'request.recordBlocked.title': 'Votre demande n’a pas pu être enregistrée',
  'request.recordBlocked.explanation':
    'Après plusieurs tentatives, l’enregistrement de votre demande n’a pas abouti. Rien n’est perdu : un opérateur a été averti et la reprendra.',
  'request.recordBlocked.ticket': TICKET,
} as const satisfies LabelMap;

export type RequestLabelKey = keyof typeof requestLabels;
