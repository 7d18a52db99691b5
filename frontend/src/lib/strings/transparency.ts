/** Words of the algorithm register page (merged into i18n.ts). */
export const nl = {
  registerNav: "Algoritmes die de stad gebruikt",
  registerTitle: "Algoritmes die de stad gebruikt",
  registerIntro:
    "Een algoritme is een vaste rekenregel. Hier leest u welke regels bepalen wat u op deze website ziet en welke berichten u van de stad krijgt. De tekst komt rechtstreeks uit de instellingen die nu gelden.",
  registerChanged: "Laatst gewijzigd:",
  registerWhat: "Wat doet het?",
  registerHow: "Hoe werkt het?",
  registerData: "Welke gegevens gebruikt het?",
  registerWho: "Wie beslist?",
  registerSettings: "Instellingen die nu gelden",
  registerSetting: "Instelling",
  registerValue: "Waarde",
  registerMeaning: "Wat betekent dat?",
  registerSource: "Broncode:",
  registerUnavailable: "Het register kan nu niet geladen worden. Dat ligt niet aan u. Probeer het over enkele minuten opnieuw.",
  registerQuestions: "Vragen over een algoritme? Bel Gentinfo op 09 210 10 10.",
};

export const en: typeof nl = {
  registerNav: "Algorithms the city uses",
  registerTitle: "Algorithms the city uses",
  registerIntro:
    "An algorithm is a fixed rule for calculating. Here you can read which rules decide what you see on this website and which messages you get from the city. The text comes straight from the settings in force now.",
  registerChanged: "Last changed:",
  registerWhat: "What does it do?",
  registerHow: "How does it work?",
  registerData: "Which data does it use?",
  registerWho: "Who decides?",
  registerSettings: "Settings in force now",
  registerSetting: "Setting",
  registerValue: "Value",
  registerMeaning: "What does it mean?",
  registerSource: "Source code:",
  registerUnavailable: "The register cannot be loaded right now. This is not your fault. Please try again in a few minutes.",
  registerQuestions: "Questions about an algorithm? Call Gentinfo on 09 210 10 10.",
};

export const fr: typeof nl = {
  registerNav: "Algorithmes utilisés par la ville",
  registerTitle: "Algorithmes utilisés par la ville",
  registerIntro:
    "Un algorithme est une règle de calcul fixe. Vous lisez ici quelles règles déterminent ce que vous voyez sur ce site et quels messages vous recevez de la ville. Le texte vient directement des réglages en vigueur.",
  registerChanged: "Dernière modification :",
  registerWhat: "Que fait-il ?",
  registerHow: "Comment fonctionne-t-il ?",
  registerData: "Quelles données utilise-t-il ?",
  registerWho: "Qui décide ?",
  registerSettings: "Réglages en vigueur",
  registerSetting: "Réglage",
  registerValue: "Valeur",
  registerMeaning: "Que signifie-t-il ?",
  registerSource: "Code source :",
  registerUnavailable: "Le registre ne peut pas être chargé pour le moment. Ce n'est pas de votre faute. Réessayez dans quelques minutes.",
  registerQuestions: "Des questions sur un algorithme ? Appelez Gentinfo au 09 210 10 10.",
};
