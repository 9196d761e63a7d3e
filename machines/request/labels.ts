/** French text of the request journey's screens, in the guide's wording (step 3 and the overview). */
import { REQUEST_STATUSES, type RequestStatus } from '../../domain';
import { TERMS } from '../../domain/error-catalogue';
import type { LabelMap, Translation } from '../journey';

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
  'request.leaveSelection.employerAgreement': 'Le congé parental sous la forme d’une réduction des prestations d’1/10 requiert l’accord de l’employeur.',
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
  'request.confirmation.multipleEmployersWarning':
    'Le travailleur est connu comme occupé chez plusieurs employeurs, mais la case « occupation chez plusieurs employeurs » n’est pas cochée : vérifiez-la.',
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

// Dutch and German, key for key (the type refuses a missing or an extra key). The wording follows the
// RVA / LfA and socialsecurity.be: loopbaanonderbreking / Laufbahnunterbrechung, inrichtende macht /
// Organisationsträger, INSZ / ENSS, KBO-nummer / ZDU-Nummer, lestijden / Perioden.
const status = (code: RequestStatus, language: 'nl' | 'de') => TERMS[code]![language];

const NL = {
  ABANDON: 'Aanvraag stopzetten',
  BACK: 'Terug',
  NEXT: 'Volgende',
  NEW_REQUEST: 'Een nieuwe aanvraag indienen',
  TICKET: 'Ticketnummer',
  TICKET_HINT: 'Met dit ticketnummer volgt u de status van de aanvraag op in het overzichtsscherm.',
  OCCUPATION_DECLARATION:
    'Bij een onderbreking/vermindering van de prestaties bij één enkele werkgever moet de werknemer ook een tewerkstellingsverklaring ' +
    'aan zijn kantoor bezorgen die zijn prestaties bij zijn andere werkgever(s) bevestigt.',
};

export const requestLabelsNl: Translation<typeof requestLabels> = {
  'request.workerSelection.title': NL.NEW_REQUEST,
  'request.workerSelection.instruction': 'Selecteer een personeelslid.',
  'request.workerSelection.community':
    'Kies de gemeenschap waarvoor u als inrichtende macht handelt (Vlaamse Gemeenschap, Federatie Wallonië-Brussel, Duitstalige Gemeenschap).',
  'request.workerSelection.school': 'Vul het KBO-nummer in van de school waar het personeelslid tewerkgesteld is.',
  'request.workerSelection.niss': 'INSZ van het personeelslid',
  'request.workerSelection.dimonaWarning':
    'Opgelet: gebruik de Dimona-lijst niet, ook als ze beschikbaar is, maar typ altijd het INSZ van de werknemer in het daartoe bestemde veld.',
  'request.workerSelection.status': 'Kies het statuut (statutair, contractueel of tijdelijk).',
  'request.workerSelection.email': 'U kunt een e-mailadres opgeven. Dit is facultatief.',
  'request.workerSelection.select': 'Selecteren',
  'request.workerSelection.abandon': NL.ABANDON,

  'request.workerSelected.title': 'Geselecteerd personeelslid',
  'request.workerSelected.instruction': 'Klik, zodra de werknemer geselecteerd is, in het menu links op "Een nieuwe aanvraag indienen".',
  'request.workerSelected.newRequest': NL.NEW_REQUEST,
  'request.workerSelected.otherWorker': 'Een ander personeelslid selecteren',
  'request.workerSelected.abandon': NL.ABANDON,

  'request.leaveSelection.title': 'Gevraagd verlof',
  'request.leaveSelection.leave': 'Selecteer het verlof dat de werknemer aanvraagt.',
  'request.leaveSelection.form': 'Vorm van de onderbreking',
  'request.leaveSelection.employerAgreement': 'Ouderschapsverlof in de vorm van een vermindering van de prestaties met 1/10 vereist het akkoord van de werkgever.',
  'request.leaveSelection.next': NL.NEXT,
  'request.leaveSelection.back': NL.BACK,
  'request.leaveSelection.abandon': NL.ABANDON,

  'request.questions.title': 'Kenmerken van de onderbreking',
  'request.questions.instruction': 'Beantwoord de volgende vragen.',
  'request.questions.workloadIntro':
    'Vul de kenmerken van de onderbreking in: het werkvolume vóór en tijdens de onderbreking en het opgegeven werkvolume.',
  'request.questions.periodsAdvice': 'Vul deze gegevens in voorkomend geval in lestijden in en reken het werkvolume niet om naar uren/minuten.',
  'request.questions.level': 'Onderwijsniveau',
  'request.questions.before': 'Werkvolume vóór de onderbreking (in lestijden)',
  'request.questions.during': 'Werkvolume tijdens de onderbreking (in lestijden)',
  'request.questions.givenUp': 'Opgegeven werkvolume (in lestijden)',
  'request.questions.start': 'Begindatum',
  'request.questions.end': 'Einddatum',
  'request.questions.multipleEmployers': 'tewerkstelling bij meerdere werkgevers',
  'request.questions.multipleEmployersHint':
    'Dient u een aanvraag in voor een werknemer die deeltijds bij meerdere verschillende juridische werkgevers tewerkgesteld is ' +
    '(dat geldt ook als de werknemer bij 2 verschillende Gemeenschappen tewerkgesteld is), vink dan het vakje "tewerkstelling bij meerdere werkgevers" aan.',
  'request.questions.interruptsAllEmployers': 'De onderbreking betreft alle werkgevers',
  'request.questions.occupationDeclaration': NL.OCCUPATION_DECLARATION,
  'request.questions.next': NL.NEXT,
  'request.questions.back': NL.BACK,
  'request.questions.abandon': NL.ABANDON,

  'request.confirmation.title': 'Bevestiging',
  'request.confirmation.instruction': 'Controleer de gegevens en vink het laatste vakje aan als alle informatie juist is.',
  'request.confirmation.givenUp': 'Opgegeven werkvolume (in lestijden)',
  'request.confirmation.fraction': 'Breuk van het opgegeven werkvolume',
  'request.confirmation.occupationDeclaration': NL.OCCUPATION_DECLARATION,
  'request.confirmation.warnings': 'Waarschuwingen',
  'request.confirmation.multipleEmployersWarning':
    'De werknemer is gekend als tewerkgesteld bij meerdere werkgevers, maar het vakje "tewerkstelling bij meerdere werkgevers" is niet aangevinkt: controleer het.',
  'request.confirmation.allCorrect': 'Alle informatie is juist',
  'request.confirmation.confirm': 'Bevestigen',
  'request.confirmation.back': NL.BACK,
  'request.confirmation.abandon': NL.ABANDON,

  'request.awaitingWorker.title': status('awaiting_worker', 'nl'),
  'request.awaitingWorker.ticket': NL.TICKET,
  'request.awaitingWorker.ticketHint': 'U ontvangt een ticketnummer; daarmee volgt u de status van de aanvraag op in het overzichtsscherm.',
  'request.awaitingWorker.withdraw': 'De aanvraag intrekken',

  'request.inProcessing.title': status('in_processing', 'nl'),
  'request.inProcessing.ticket': NL.TICKET,
  'request.inProcessing.ticketHint': NL.TICKET_HINT,

  'request.accepted.title': status('accepted', 'nl'),
  'request.accepted.ticket': NL.TICKET,
  'request.refused.title': status('refused', 'nl'),
  'request.refused.ticket': NL.TICKET,
  'request.withdrawn.title': status('withdrawn', 'nl'),
  'request.expired.title': status('expired', 'nl'),
  'request.recordBlocked.title': 'Uw aanvraag kon niet worden geregistreerd',
  'request.recordBlocked.explanation':
    'Na meerdere pogingen is de registratie van uw aanvraag niet gelukt. Er gaat niets verloren: een operator is verwittigd en neemt ze opnieuw op.',
  'request.recordBlocked.ticket': NL.TICKET,
};

const DE = {
  ABANDON: 'Antrag abbrechen',
  BACK: 'Zurück',
  NEXT: 'Weiter',
  NEW_REQUEST: 'Einen neuen Antrag einreichen',
  TICKET: 'Ticketnummer',
  TICKET_HINT: 'Mit dieser Ticketnummer verfolgen Sie den Status des Antrags in der Übersicht.',
  OCCUPATION_DECLARATION:
    'Bei einer Unterbrechung/Verringerung der Leistungen bei nur einem Arbeitgeber muss der Arbeitnehmer seinem Büro außerdem eine ' +
    'Beschäftigungsbescheinigung übermitteln, die seine Leistungen bei seinem anderen Arbeitgeber (seinen anderen Arbeitgebern) bestätigt.',
};

export const requestLabelsDe: Translation<typeof requestLabels> = {
  'request.workerSelection.title': DE.NEW_REQUEST,
  'request.workerSelection.instruction': 'Wählen Sie ein Personalmitglied aus.',
  'request.workerSelection.community':
    'Wählen Sie die Gemeinschaft, für die Sie als Organisationsträger handeln (Flämische Gemeinschaft, Föderation Wallonie-Brüssel, Deutschsprachige Gemeinschaft).',
  'request.workerSelection.school': 'Geben Sie die ZDU-Nummer der Schule an, in der das Personalmitglied beschäftigt ist.',
  'request.workerSelection.niss': 'ENSS des Personalmitglieds',
  'request.workerSelection.dimonaWarning':
    'Achtung: Verwenden Sie nicht die Dimona-Liste, auch wenn sie verfügbar ist, sondern geben Sie die ENSS des Arbeitnehmers immer in das dafür vorgesehene Feld ein.',
  'request.workerSelection.status': 'Wählen Sie sein Statut (statutarisch, vertraglich oder zeitweilig).',
  'request.workerSelection.email': 'Sie können eine E-Mail-Adresse angeben. Diese Angabe ist freiwillig.',
  'request.workerSelection.select': 'Auswählen',
  'request.workerSelection.abandon': DE.ABANDON,

  'request.workerSelected.title': 'Ausgewähltes Personalmitglied',
  'request.workerSelected.instruction': 'Sobald der Arbeitnehmer ausgewählt ist, klicken Sie im Menü links auf „Einen neuen Antrag einreichen“.',
  'request.workerSelected.newRequest': DE.NEW_REQUEST,
  'request.workerSelected.otherWorker': 'Ein anderes Personalmitglied auswählen',
  'request.workerSelected.abandon': DE.ABANDON,

  'request.leaveSelection.title': 'Beantragter Urlaub',
  'request.leaveSelection.leave': 'Wählen Sie den vom Arbeitnehmer beantragten Urlaub aus.',
  'request.leaveSelection.form': 'Form der Unterbrechung',
  'request.leaveSelection.employerAgreement': 'Elternurlaub in Form einer Verringerung der Leistungen um 1/10 setzt das Einverständnis des Arbeitgebers voraus.',
  'request.leaveSelection.next': DE.NEXT,
  'request.leaveSelection.back': DE.BACK,
  'request.leaveSelection.abandon': DE.ABANDON,

  'request.questions.title': 'Merkmale der Unterbrechung',
  'request.questions.instruction': 'Beantworten Sie die folgenden Fragen.',
  'request.questions.workloadIntro':
    'Geben Sie die Merkmale der Unterbrechung an: das Arbeitspensum vor und während der Unterbrechung sowie das aufgegebene Arbeitspensum.',
  'request.questions.periodsAdvice':
    'Geben Sie diese Angaben gegebenenfalls in Perioden (Unterrichtsstunden) an und rechnen Sie das Arbeitspensum nicht in Stunden/Minuten um.',
  'request.questions.level': 'Unterrichtsstufe',
  'request.questions.before': 'Arbeitspensum vor der Unterbrechung (in Perioden)',
  'request.questions.during': 'Arbeitspensum während der Unterbrechung (in Perioden)',
  'request.questions.givenUp': 'Aufgegebenes Arbeitspensum (in Perioden)',
  'request.questions.start': 'Anfangsdatum',
  'request.questions.end': 'Enddatum',
  'request.questions.multipleEmployers': 'Beschäftigung bei mehreren Arbeitgebern',
  'request.questions.multipleEmployersHint':
    'Reichen Sie einen Antrag für einen Arbeitnehmer ein, der in Teilzeit bei mehreren verschiedenen juristischen Arbeitgebern beschäftigt ist ' +
    '(das gilt auch, wenn der Arbeitnehmer bei 2 verschiedenen Gemeinschaften beschäftigt ist), kreuzen Sie das Kästchen „Beschäftigung bei mehreren Arbeitgebern“ an.',
  'request.questions.interruptsAllEmployers': 'Die Unterbrechung betrifft alle Arbeitgeber',
  'request.questions.occupationDeclaration': DE.OCCUPATION_DECLARATION,
  'request.questions.next': DE.NEXT,
  'request.questions.back': DE.BACK,
  'request.questions.abandon': DE.ABANDON,

  'request.confirmation.title': 'Bestätigung',
  'request.confirmation.instruction': 'Prüfen Sie die Daten und kreuzen Sie das letzte Kästchen an, wenn alle Angaben richtig sind.',
  'request.confirmation.givenUp': 'Aufgegebenes Arbeitspensum (in Perioden)',
  'request.confirmation.fraction': 'Bruchteil des aufgegebenen Arbeitspensums',
  'request.confirmation.occupationDeclaration': DE.OCCUPATION_DECLARATION,
  'request.confirmation.warnings': 'Warnungen',
  'request.confirmation.multipleEmployersWarning':
    'Der Arbeitnehmer ist als bei mehreren Arbeitgebern beschäftigt bekannt, aber das Kästchen „Beschäftigung bei mehreren Arbeitgebern“ ist nicht angekreuzt: prüfen Sie es.',
  'request.confirmation.allCorrect': 'Alle Angaben sind richtig',
  'request.confirmation.confirm': 'Bestätigen',
  'request.confirmation.back': DE.BACK,
  'request.confirmation.abandon': DE.ABANDON,

  'request.awaitingWorker.title': status('awaiting_worker', 'de'),
  'request.awaitingWorker.ticket': DE.TICKET,
  'request.awaitingWorker.ticketHint': 'Sie erhalten eine Ticketnummer; damit verfolgen Sie den Status des Antrags in der Übersicht.',
  'request.awaitingWorker.withdraw': 'Den Antrag zurückziehen',

  'request.inProcessing.title': status('in_processing', 'de'),
  'request.inProcessing.ticket': DE.TICKET,
  'request.inProcessing.ticketHint': DE.TICKET_HINT,

  'request.accepted.title': status('accepted', 'de'),
  'request.accepted.ticket': DE.TICKET,
  'request.refused.title': status('refused', 'de'),
  'request.refused.ticket': DE.TICKET,
  'request.withdrawn.title': status('withdrawn', 'de'),
  'request.expired.title': status('expired', 'de'),
  'request.recordBlocked.title': 'Ihr Antrag konnte nicht gespeichert werden',
  'request.recordBlocked.explanation':
    'Nach mehreren Versuchen ist die Speicherung Ihres Antrags nicht gelungen. Nichts geht verloren: ein Operator wurde benachrichtigt und nimmt ihn wieder auf.',
  'request.recordBlocked.ticket': DE.TICKET,
};
