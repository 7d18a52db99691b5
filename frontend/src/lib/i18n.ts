/**
 * The site's own words (navigation, labels, error pages) in the languages the city
 * publishes in. Content comes translated from the API; these are the few words around it.
 * Dutch is the default and the fallback: a missing string shows in Dutch with lang="nl".
 * The words of the search, subscribe, preview, participation, test panel and algorithm
 * register pages live in strings/, merged here.
 */

import * as panelStrings from "./strings/panel";
import * as participationStrings from "./strings/participation";
import * as searchStrings from "./strings/search";
import * as subscribeStrings from "./strings/subscribe";
import * as transparencyStrings from "./strings/transparency";

export const DEFAULT_LANGUAGE = "nl";
export const LANGUAGES = ["nl", "en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as a reader looks for it in a switcher. */
export const LANGUAGE_NAMES: Record<string, string> = {
  nl: "Nederlands",
  en: "English",
  fr: "Français",
};

const nl = {
  ...searchStrings.nl,
  ...subscribeStrings.nl,
  ...participationStrings.nl,
  ...transparencyStrings.nl,
  ...panelStrings.nl,
  skipToContent: "Naar de inhoud",
  siteName: "Stad Gent",
  mainNavigation: "Hoofdmenu",
  breadcrumbs: "U bent hier",
  home: "Start",
  languages: "Deze pagina in een andere taal",
  untranslated: "De pagina die u koos, bestaat niet in het Nederlands. U ziet daarom:",
  themes: "Thema's",
  wijken: "Wijken",
  projects: "Projecten",
  events: "Activiteiten",
  press: "Pers",
  latestNews: "Laatste nieuws",
  allPressReleases: "Alle persberichten",
  follow: "Volg via",
  filter: "Filter de lijst",
  show: "Toon",
  noResults: "Er is niets dat aan uw keuze voldoet.",
  results: "resultaten",
  result: "resultaat",
  wijk: "Wijk",
  allWijken: "Alle wijken",
  year: "Jaar",
  allYears: "Alle jaren",
  allStatuses: "Alle projecten",
  inThisSection: "In deze rubriek",
  contact: "Contact",
  phone: "Telefoon",
  email: "E-mail",
  address: "Adres",
  openingHours: "Openingsuren",
  download: "Downloaden",
  watch: "Bekijk",
  services: "Diensten in de wijk",
  magazine: "Wijkmagazine",
  editions: "Edities",
  edition: "Editie",
  localArticles: "Nieuws uit de wijk",
  cityArticles: "Nieuws uit heel Gent",
  downloadPdf: "Download als PDF",
  printVariantAccessible: "toegankelijk voor schermlezers",
  printVariantLargePrint: "in grote letters",
  printVariantPrint: "drukversie met snijtekens",
  pressContacts: "Perscontact",
  attachments: "Bijlagen",
  embargo: "Onder embargo tot",
  phases: "Planning",
  currentPhase: "Nu bezig",
  participation: "Inspraak",
  documents: "Documenten",
  location: "Locatie",
  when: "Wanneer",
  where: "Waar",
  // "Inschrijven" is for an event only; news by e-mail is an "abonnement" (strings/subscribe.ts).
  register: "Inschrijven",
  registrationRequired: "Inschrijven is verplicht.",
  noRegistration: "U hoeft niet in te schrijven.",
  upcomingEvents: "Activiteiten",
  lastReviewed: "Laatst nagekeken",
  footerText: "Stad Gent, Botermarkt 1, 9000 Gent. Vragen? Bel Gentinfo op 09 210 10 10.",
  notFoundTitle: "Deze pagina bestaat niet",
  notFoundText:
    "We vinden de pagina die u zoekt niet. Misschien is ze verplaatst of verwijderd, of is er een tikfout in het adres.",
  errorTitle: "Er ging iets mis",
  errorText:
    "Deze pagina kan nu niet getoond worden. Dat ligt niet aan u. Probeer het over enkele minuten opnieuw.",
  backHome: "Naar de startpagina",
  participationInDevelopment: "Beleid in ontwikkeling: uw inbreng is welkom",
  participationDecided: "Beslist beleid",
};

export type Strings = typeof nl;

const en: Strings = {
  ...searchStrings.en,
  ...subscribeStrings.en,
  ...participationStrings.en,
  ...transparencyStrings.en,
  ...panelStrings.en,
  skipToContent: "Skip to content",
  siteName: "City of Ghent",
  mainNavigation: "Main menu",
  breadcrumbs: "You are here",
  home: "Home",
  themes: "Topics",
  wijken: "Neighbourhoods",
  projects: "Projects",
  events: "Events",
  press: "Press",
  languages: "This page in another language",
  untranslated: "The page you chose does not exist in English, so you are seeing:",
  latestNews: "Latest news",
  allPressReleases: "All press releases",
  follow: "Follow via",
  filter: "Filter the list",
  show: "Show",
  noResults: "Nothing matches your choice.",
  results: "results",
  result: "result",
  wijk: "Neighbourhood",
  allWijken: "All neighbourhoods",
  year: "Year",
  allYears: "All years",
  allStatuses: "All projects",
  inThisSection: "In this section",
  contact: "Contact",
  phone: "Phone",
  email: "Email",
  address: "Address",
  openingHours: "Opening hours",
  download: "Download",
  watch: "Watch",
  services: "Services in the neighbourhood",
  magazine: "Neighbourhood magazine",
  editions: "Editions",
  edition: "Edition",
  localArticles: "News from the neighbourhood",
  cityArticles: "News from all of Ghent",
  downloadPdf: "Download as PDF",
  printVariantAccessible: "accessible for screen readers",
  printVariantLargePrint: "in large print",
  printVariantPrint: "print version with crop marks",
  pressContacts: "Press contact",
  attachments: "Attachments",
  embargo: "Embargoed until",
  phases: "Timeline",
  currentPhase: "Now",
  participation: "Participation",
  documents: "Documents",
  location: "Location",
  when: "When",
  where: "Where",
  register: "Register",
  registrationRequired: "You need to register.",
  noRegistration: "You do not need to register.",
  upcomingEvents: "Events",
  lastReviewed: "Last checked",
  footerText: "City of Ghent, Botermarkt 1, 9000 Ghent. Questions? Call Gentinfo on 09 210 10 10.",
  notFoundTitle: "This page does not exist",
  notFoundText: "We cannot find the page you are looking for. It may have moved or been removed, or the address may contain a typo.",
  errorTitle: "Something went wrong",
  errorText: "This page cannot be shown right now. It is not your fault. Please try again in a few minutes.",
  backHome: "Go to the home page",
  participationInDevelopment: "Policy in development: your input is welcome",
  participationDecided: "Policy decided",
};

const fr: Strings = {
  ...searchStrings.fr,
  ...subscribeStrings.fr,
  ...participationStrings.fr,
  ...transparencyStrings.fr,
  ...panelStrings.fr,
  skipToContent: "Aller au contenu",
  siteName: "Ville de Gand",
  mainNavigation: "Menu principal",
  breadcrumbs: "Vous êtes ici",
  home: "Accueil",
  themes: "Thèmes",
  wijken: "Quartiers",
  projects: "Projets",
  events: "Activités",
  press: "Presse",
  languages: "Cette page dans une autre langue",
  untranslated: "La page choisie n'existe pas en français. Vous voyez donc :",
  latestNews: "Dernières nouvelles",
  allPressReleases: "Tous les communiqués de presse",
  follow: "Suivre via",
  filter: "Filtrer la liste",
  show: "Afficher",
  noResults: "Rien ne correspond à votre choix.",
  results: "résultats",
  result: "résultat",
  wijk: "Quartier",
  allWijken: "Tous les quartiers",
  year: "Année",
  allYears: "Toutes les années",
  allStatuses: "Tous les projets",
  inThisSection: "Dans cette rubrique",
  contact: "Contact",
  phone: "Téléphone",
  email: "E-mail",
  address: "Adresse",
  openingHours: "Heures d'ouverture",
  download: "Télécharger",
  watch: "Regarder",
  services: "Services dans le quartier",
  magazine: "Journal de quartier",
  editions: "Éditions",
  edition: "Édition",
  localArticles: "Nouvelles du quartier",
  cityArticles: "Nouvelles de tout Gand",
  downloadPdf: "Télécharger en PDF",
  printVariantAccessible: "accessible aux lecteurs d'écran",
  printVariantLargePrint: "en gros caractères",
  printVariantPrint: "version imprimeur avec traits de coupe",
  pressContacts: "Contact presse",
  attachments: "Pièces jointes",
  embargo: "Sous embargo jusqu'au",
  phases: "Calendrier",
  currentPhase: "En cours",
  participation: "Participation",
  documents: "Documents",
  location: "Lieu",
  when: "Quand",
  where: "Où",
  register: "S'inscrire",
  registrationRequired: "L'inscription est obligatoire.",
  noRegistration: "Pas besoin de vous inscrire.",
  upcomingEvents: "Activités",
  lastReviewed: "Dernière vérification",
  footerText: "Ville de Gand, Botermarkt 1, 9000 Gand. Des questions ? Appelez Gentinfo au 09 210 10 10.",
  notFoundTitle: "Cette page n'existe pas",
  notFoundText: "Nous ne trouvons pas la page que vous cherchez. Elle a peut-être été déplacée ou supprimée, ou l'adresse contient une faute de frappe.",
  errorTitle: "Un problème est survenu",
  errorText: "Cette page ne peut pas être affichée pour le moment. Ce n'est pas de votre faute. Réessayez dans quelques minutes.",
  backHome: "Vers la page d'accueil",
  participationInDevelopment: "Politique en cours d'élaboration : votre avis est le bienvenu",
  participationDecided: "Politique décidée",
};

const BY_LANGUAGE: Record<string, Partial<Strings>> = { nl, en, fr };

export interface Phrase {
  text: string;
  /** The language the text is really in: differs from the page's when it fell back. */
  lang: string;
}

/** A translator for one page language; `t.phrase` also says which language it gave. */
export function translator(language: string) {
  const own = BY_LANGUAGE[language] ?? {};
  const phrase = (key: keyof Strings): Phrase => {
    const text = own[key];
    return text !== undefined ? { text, lang: language } : { text: nl[key], lang: DEFAULT_LANGUAGE };
  };
  const t = (key: keyof Strings): string => phrase(key).text;
  return Object.assign(t, { phrase, language });
}

export type Translator = ReturnType<typeof translator>;

/** The `lang` attribute a phrase needs: none when it is in the page's language already. */
export function langOf(phrase: Phrase, pageLanguage: string): string | undefined {
  return phrase.lang === pageLanguage ? undefined : phrase.lang;
}
