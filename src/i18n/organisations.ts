import type { Lang } from "../instrument";
import { formatterFor } from "../lib/format";

const en = {
  title: "Organisations",
  networks: "Networks",
  switchTo: { lang: "nl", label: "Nederlands" },
  skipLabel: "Skip to content",
  footerText: "netmirror — test the temperature of your network",
  intro:
    "The organisations that take part in the network. A round with the network map asks members which of them their organisation works with; when the round opens it copies the active ones, so changes here only reach later rounds.",
  summary: (active: number, all: number) =>
    all === 0
      ? "No organisations yet."
      : `${count(active, "en")} of ${count(all, "en")} ${all === 1 ? "organisation is" : "organisations are"} active.`,
  caption: (network: string) => `Organisations of ${network}, by name`,
  name: "Name",
  type: "Type",
  status: "Status",
  usedBy: "Used by rounds",
  actions: "Actions",
  active: "Active",
  inactive: "Not active",
  edit: "Change",
  deactivate: "Deactivate",
  reactivate: "Reactivate",
  delete: "Delete",
  addTitle: "Add an organisation",
  nameHint: "As members know it, up to 120 characters; each name once in the network.",
  addButton: "Add organisation",
  rosterTitle: "Organisations named in the roster",
  rosterNew: (n: number) =>
    `${count(n, "en")} ${n === 1 ? "organisation named in the roster is" : "organisations named in the roster are"} not in the list yet.`,
  rosterAdd: "Add the organisations named in the roster",
  rosterNone: "Every organisation named in the roster is in the list.",
  rosterEmpty: "Nobody on the roster has an organisation filled in yet.",
  notices: {
    added: "The organisation was added.",
    updated: "The organisation was saved.",
    deactivated: "The organisation was deactivated: new rounds will not ask about it.",
    reactivated: "The organisation is active again: new rounds will ask about it.",
    deleted: "The organisation was deleted.",
    kept: "A round asked about this organisation, so it was deactivated instead of deleted: that round keeps it.",
  } as Record<string, string>,
  imported: (n: number) => `${count(n, "en")} ${n === 1 ? "organisation" : "organisations"} added.`,
  errors: {
    nameMissing: "Enter the organisation's name",
    nameLong: "The name must be 120 characters or fewer",
    nameTaken: "Another organisation in this network already has this name",
    type: "Choose the type of organisation",
  },
  errorTitle: "There is a problem",
  editTitle: (name: string) => `Change ${name}`,
  save: "Save",
  cancel: "Cancel",
  deleteTitle: (name: string) => `Delete ${name}?`,
  deactivateTitle: (name: string) => `Deactivate ${name}?`,
  deleteText: "It is removed from the list. This cannot be undone, but you can add it again.",
  deactivateText: (n: number) =>
    `${n === 1 ? "A round has" : `${count(n, "en")} rounds have`} asked about it, so it is deactivated rather than deleted: ${n === 1 ? "that round keeps" : "those rounds keep"} it, and new rounds no longer ask about it. You can reactivate it later.`,
  keep: "Cancel, keep it",
  fromRosterTitle: "Add the organisations named in the roster",
  fromRosterIntro:
    "These names are in the roster's organisation column but not in the list. Tick the ones to add and check each type: it was guessed from the name.",
  fromRosterTooLong: (n: number) =>
    `${count(n, "en")} ${n === 1 ? "name is" : "names are"} longer than 120 characters and not shown: shorten ${n === 1 ? "it" : "them"} in the roster first.`,
  fromRosterCaption: "Organisations named in the roster and not in the list",
  fromRosterAdd: "Add",
  fromRosterMembers: "Members",
  addOne: (name: string) => `Add ${name}`,
  typeOf: (name: string) => `Type of ${name}`,
  fromRosterButton: "Add the ticked organisations",
  fromRosterNothing: "Tick at least one organisation to add",
  fromRosterChanged: "The list changed while you were choosing. Check the names again",
};

export type OrganisationMessages = typeof en;

const nl: OrganisationMessages = {
  title: "Organisaties",
  networks: "Netwerken",
  switchTo: { lang: "en", label: "English" },
  skipLabel: "Naar de inhoud",
  footerText: "netmirror — meet de temperatuur van je netwerk",
  intro:
    "De organisaties die meedoen in het netwerk. Een meting met de netwerkkaart vraagt leden met welke organisaties hun organisatie samenwerkt; bij het openen neemt de meting de actieve organisaties over, dus wijzigingen hier gelden pas voor latere metingen.",
  summary: (active, all) =>
    all === 0
      ? "Nog geen organisaties."
      : `${count(active, "nl")} van ${count(all, "nl")} ${all === 1 ? "organisatie is" : "organisaties zijn"} actief.`,
  caption: (network) => `Organisaties van ${network}, op naam`,
  name: "Naam",
  type: "Soort",
  status: "Status",
  usedBy: "Gebruikt in metingen",
  actions: "Acties",
  active: "Actief",
  inactive: "Niet actief",
  edit: "Wijzigen",
  deactivate: "Deactiveren",
  reactivate: "Weer activeren",
  delete: "Verwijderen",
  addTitle: "Organisatie toevoegen",
  nameHint: "Zoals leden haar kennen, hoogstens 120 tekens; elke naam één keer in het netwerk.",
  addButton: "Organisatie toevoegen",
  rosterTitle: "Organisaties uit de ledenlijst",
  rosterNew: (n) =>
    `${count(n, "nl")} ${n === 1 ? "organisatie uit de ledenlijst staat" : "organisaties uit de ledenlijst staan"} nog niet in de lijst.`,
  rosterAdd: "Organisaties uit de ledenlijst toevoegen",
  rosterNone: "Alle organisaties uit de ledenlijst staan in de lijst.",
  rosterEmpty: "Bij niemand in de ledenlijst is al een organisatie ingevuld.",
  notices: {
    added: "De organisatie is toegevoegd.",
    updated: "De organisatie is opgeslagen.",
    deactivated: "De organisatie is gedeactiveerd: nieuwe metingen vragen er niet meer naar.",
    reactivated: "De organisatie is weer actief: nieuwe metingen vragen ernaar.",
    deleted: "De organisatie is verwijderd.",
    kept: "Een meting vroeg naar deze organisatie, dus is ze gedeactiveerd in plaats van verwijderd: die meting houdt haar.",
  },
  imported: (n) => `${count(n, "nl")} ${n === 1 ? "organisatie" : "organisaties"} toegevoegd.`,
  errors: {
    nameMissing: "Vul de naam van de organisatie in",
    nameLong: "De naam mag hoogstens 120 tekens lang zijn",
    nameTaken: "Een andere organisatie in dit netwerk heeft al deze naam",
    type: "Kies de soort organisatie",
  },
  errorTitle: "Er is een probleem",
  editTitle: (name) => `${name} wijzigen`,
  save: "Opslaan",
  cancel: "Annuleren",
  deleteTitle: (name) => `${name} verwijderen?`,
  deactivateTitle: (name) => `${name} deactiveren?`,
  deleteText: "Ze verdwijnt uit de lijst. Dit kan niet ongedaan worden gemaakt, maar je kunt haar opnieuw toevoegen.",
  deactivateText: (n) =>
    `${n === 1 ? "Een meting heeft" : `${count(n, "nl")} metingen hebben`} naar haar gevraagd, dus wordt ze gedeactiveerd in plaats van verwijderd: ${n === 1 ? "die meting houdt" : "die metingen houden"} haar, en nieuwe metingen vragen niet meer naar haar. Je kunt haar later weer activeren.`,
  keep: "Annuleren, laten staan",
  fromRosterTitle: "Organisaties uit de ledenlijst toevoegen",
  fromRosterIntro:
    "Deze namen staan in de kolom organisatie van de ledenlijst, maar niet in de lijst. Vink aan welke je wilt toevoegen en controleer de soort: die is geraden uit de naam.",
  fromRosterTooLong: (n) =>
    `${count(n, "nl")} ${n === 1 ? "naam is" : "namen zijn"} langer dan 120 tekens en ${n === 1 ? "staat" : "staan"} hier niet: maak ${n === 1 ? "hem" : "ze"} eerst korter in de ledenlijst.`,
  fromRosterCaption: "Organisaties uit de ledenlijst die nog niet in de lijst staan",
  fromRosterAdd: "Toevoegen",
  fromRosterMembers: "Leden",
  addOne: (name) => `${name} toevoegen`,
  typeOf: (name) => `Soort van ${name}`,
  fromRosterButton: "Aangevinkte organisaties toevoegen",
  fromRosterNothing: "Vink minstens één organisatie aan om toe te voegen",
  fromRosterChanged: "De lijst is veranderd terwijl je koos. Controleer de namen opnieuw",
};

function count(n: number, lang: Lang): string {
  return formatterFor(lang).count(n);
}

/** The organisations pages' words in English or Dutch. */
export const MESSAGES: Record<Lang, OrganisationMessages> = { en, nl };
