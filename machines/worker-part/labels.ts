/**
 * French text of the worker's part (the teacher completes their part of a request the employer
 * introduced): the reference every other language translates key for key. The guide stops at the
 * ticket; the wording follows ONEM's public pages on Break@Work.
 */
import type { LabelMap, Translation } from '../journey';

export const workerPartLabels = {
  'workerPart.requestChoice.title': 'Mes demandes d’interruption de carrière',
  'workerPart.requestChoice.instruction':
    'Votre employeur a introduit une demande vous concernant. Choisissez la demande qui attend votre partie pour la compléter.',
  'workerPart.requestChoice.awaiting': 'Demandes qui attendent votre partie',
  'workerPart.requestChoice.others': 'Vos autres demandes (consultation)',
  'workerPart.requestChoice.none': 'Aucune demande n’attend votre partie.',
  'workerPart.requestChoice.ticket': 'Numéro de ticket',
  'workerPart.requestChoice.employer': 'Employeur',
  'workerPart.requestChoice.status': 'Statut',
  'workerPart.requestChoice.choose': 'Compléter ma partie',
  'workerPart.requestChoice.reload': 'Actualiser',
  'workerPart.review.title': 'Vérifiez ce que votre employeur a déclaré',
  'workerPart.review.employer': 'Employeur (pouvoir organisateur) et numéro BCE',
  'workerPart.review.school': 'École',
  'workerPart.review.workerStatus': 'Statut',
  'workerPart.review.leave': 'Congé demandé',
  'workerPart.review.form': 'Forme',
  'workerPart.review.period': 'Période',
  'workerPart.review.before': 'Charge de travail avant l’interruption (périodes)',
  'workerPart.review.during': 'Charge de travail pendant l’interruption (périodes)',
  'workerPart.review.givenUp': 'Charge de travail abandonnée (périodes)',
  'workerPart.review.multipleEmployers': 'Occupation chez plusieurs employeurs',
  'workerPart.review.occupationDeclaration':
    'L’interruption ne concerne qu’un seul employeur : envoyez aussi une déclaration d’occupation à votre bureau de l’ONEM.',
  'workerPart.review.allCorrect': 'Toutes les informations sont correctes',
  'workerPart.review.incorrect': 'Une information est inexacte ? Contactez votre employeur : lui seul peut la corriger.',
  'workerPart.review.confirm': 'Confirmer',
  'workerPart.review.back': 'Retour',
  'workerPart.completed.title': 'Votre partie est complétée.',
  'workerPart.completed.status': 'Votre demande est maintenant en traitement à l’ONEM.',
  'workerPart.completed.ticket': 'Numéro de ticket',
  'workerPart.expired.title': 'Votre session a expiré. Veuillez vous reconnecter.',
} as const satisfies LabelMap;

export type WorkerPartLabelKey = keyof typeof workerPartLabels;

// Dutch and German, key for key (the type refuses a missing or an extra key), in the wording of the
// RVA / LfA and socialsecurity.be.
export const workerPartLabelsNl: Translation<typeof workerPartLabels> = {
  'workerPart.requestChoice.title': 'Mijn aanvragen tot loopbaanonderbreking',
  'workerPart.requestChoice.instruction':
    'Uw werkgever heeft een aanvraag over u ingediend. Kies de aanvraag die op uw deel wacht om het in te vullen.',
  'workerPart.requestChoice.awaiting': 'Aanvragen die op uw deel wachten',
  'workerPart.requestChoice.others': 'Uw andere aanvragen (raadpleging)',
  'workerPart.requestChoice.none': 'Er wacht geen aanvraag op uw deel.',
  'workerPart.requestChoice.ticket': 'Ticketnummer',
  'workerPart.requestChoice.employer': 'Werkgever',
  'workerPart.requestChoice.status': 'Status',
  'workerPart.requestChoice.choose': 'Mijn deel invullen',
  'workerPart.requestChoice.reload': 'Vernieuwen',
  'workerPart.review.title': 'Controleer wat uw werkgever heeft aangegeven',
  'workerPart.review.employer': 'Werkgever (inrichtende macht) en KBO-nummer',
  'workerPart.review.school': 'School',
  'workerPart.review.workerStatus': 'Statuut',
  'workerPart.review.leave': 'Gevraagd verlof',
  'workerPart.review.form': 'Vorm',
  'workerPart.review.period': 'Periode',
  'workerPart.review.before': 'Werkvolume vóór de onderbreking (lestijden)',
  'workerPart.review.during': 'Werkvolume tijdens de onderbreking (lestijden)',
  'workerPart.review.givenUp': 'Opgegeven werkvolume (lestijden)',
  'workerPart.review.multipleEmployers': 'Tewerkstelling bij meerdere werkgevers',
  'workerPart.review.occupationDeclaration':
    'De onderbreking betreft slechts één werkgever: stuur ook een verklaring van tewerkstelling naar uw RVA-kantoor.',
  'workerPart.review.allCorrect': 'Alle gegevens zijn correct',
  'workerPart.review.incorrect': 'Is een gegeven onjuist? Neem contact op met uw werkgever: alleen hij kan het verbeteren.',
  'workerPart.review.confirm': 'Bevestigen',
  'workerPart.review.back': 'Terug',
  'workerPart.completed.title': 'Uw deel is ingevuld.',
  'workerPart.completed.status': 'Uw aanvraag is nu in behandeling bij de RVA.',
  'workerPart.completed.ticket': 'Ticketnummer',
  'workerPart.expired.title': 'Uw sessie is verlopen. Gelieve opnieuw aan te melden.',
};

export const workerPartLabelsDe: Translation<typeof workerPartLabels> = {
  'workerPart.requestChoice.title': 'Meine Anträge auf Laufbahnunterbrechung',
  'workerPart.requestChoice.instruction':
    'Ihr Arbeitgeber hat einen Antrag über Sie eingereicht. Wählen Sie den Antrag, der auf Ihren Teil wartet, um ihn auszufüllen.',
  'workerPart.requestChoice.awaiting': 'Anträge, die auf Ihren Teil warten',
  'workerPart.requestChoice.others': 'Ihre anderen Anträge (Einsicht)',
  'workerPart.requestChoice.none': 'Kein Antrag wartet auf Ihren Teil.',
  'workerPart.requestChoice.ticket': 'Ticketnummer',
  'workerPart.requestChoice.employer': 'Arbeitgeber',
  'workerPart.requestChoice.status': 'Status',
  'workerPart.requestChoice.choose': 'Meinen Teil ausfüllen',
  'workerPart.requestChoice.reload': 'Aktualisieren',
  'workerPart.review.title': 'Prüfen Sie, was Ihr Arbeitgeber angegeben hat',
  'workerPart.review.employer': 'Arbeitgeber (Organisationsträger) und ZDU-Nummer',
  'workerPart.review.school': 'Schule',
  'workerPart.review.workerStatus': 'Statut des Personalmitglieds',
  'workerPart.review.leave': 'Beantragter Urlaub',
  'workerPart.review.form': 'Form',
  'workerPart.review.period': 'Zeitraum',
  'workerPart.review.before': 'Arbeitspensum vor der Unterbrechung (Perioden)',
  'workerPart.review.during': 'Arbeitspensum während der Unterbrechung (Perioden)',
  'workerPart.review.givenUp': 'Aufgegebenes Arbeitspensum (Perioden)',
  'workerPart.review.multipleEmployers': 'Beschäftigung bei mehreren Arbeitgebern',
  'workerPart.review.occupationDeclaration':
    'Die Unterbrechung betrifft nur einen Arbeitgeber: senden Sie auch eine Beschäftigungserklärung an Ihr LfA-Büro.',
  'workerPart.review.allCorrect': 'Alle Angaben sind korrekt',
  'workerPart.review.incorrect': 'Ist eine Angabe falsch? Wenden Sie sich an Ihren Arbeitgeber: nur er kann sie berichtigen.',
  'workerPart.review.confirm': 'Bestätigen',
  'workerPart.review.back': 'Zurück',
  'workerPart.completed.title': 'Ihr Teil ist ausgefüllt.',
  'workerPart.completed.status': 'Ihr Antrag ist jetzt beim LfA in Bearbeitung.',
  'workerPart.completed.ticket': 'Ticketnummer',
  'workerPart.expired.title': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
};
