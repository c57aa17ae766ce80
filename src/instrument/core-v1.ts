import type { InstrumentInput } from "./schema";

/**
 * The core temperature check, version 1.
 *
 * Frozen once a round has used it: answers are stored against these item and option codes, and
 * rounds are compared by them. Fixing a typo is a new version (core-v2.ts), not an edit here.
 */
export const coreV1: InstrumentInput = {
  id: "core",
  version: 1,
  title: { en: "Network temperature check", nl: "Temperatuurmeting van het netwerk" },
  scale: {
    labels: [
      { en: "Strongly disagree", nl: "Helemaal oneens" },
      { en: "Disagree", nl: "Oneens" },
      { en: "Neither agree nor disagree", nl: "Niet eens, niet oneens" },
      { en: "Agree", nl: "Eens" },
      { en: "Strongly agree", nl: "Helemaal eens" },
    ],
    dontKnow: { en: "Don't know", nl: "Weet ik niet" },
  },
  themes: [
    {
      code: "purpose",
      title: { en: "Purpose", nl: "Doel" },
      intro: {
        en: "These statements are about why the network exists and whether members share that aim.",
        nl: "Deze stellingen gaan over waarom het netwerk bestaat en of de leden dat doel delen.",
      },
      items: [
        {
          code: "purpose.1",
          text: {
            en: "I could explain the network's purpose to a colleague.",
            nl: "Ik kan een collega uitleggen waar het netwerk voor is.",
          },
        },
        {
          code: "purpose.2",
          text: { en: "Members share a common purpose.", nl: "De leden werken aan een gezamenlijk doel." },
        },
        {
          code: "purpose.3",
          text: {
            en: "I can see how my own work helps the network's purpose.",
            nl: "Ik zie hoe mijn eigen werk bijdraagt aan het doel van het netwerk.",
          },
        },
        {
          code: "purpose.4",
          text: {
            en: "Members agree the network's priorities together.",
            nl: "De leden bepalen samen de prioriteiten van het netwerk.",
          },
        },
        {
          code: "purpose.5",
          text: {
            en: "The things the network does fit its purpose.",
            nl: "Wat het netwerk doet, past bij het doel.",
          },
        },
      ],
      commentPrompt: {
        en: "Anything you would like to add about purpose?",
        nl: "Wil je nog iets toevoegen over het doel van het netwerk?",
      },
      conversation: [
        {
          en: "How would each of us describe what the network is for, and where do our answers differ?",
          nl: "Hoe zou ieder van ons omschrijven waar het netwerk voor is, en waar verschillen onze antwoorden?",
        },
        {
          en: "What would need to change for every member to see their own work in the network's purpose?",
          nl: "Wat zou er moeten veranderen zodat alle leden hun eigen werk terugzien in het doel van het netwerk?",
        },
        {
          en: "How do we set our priorities together, and who has too little say in that now?",
          nl: "Hoe bepalen we samen onze prioriteiten, en wie heeft daar nu te weinig inbreng in?",
        },
      ],
    },
    {
      code: "relationships",
      title: { en: "Relationships", nl: "Relaties" },
      intro: {
        en: "These statements are about trust and working relationships between members.",
        nl: "Deze stellingen gaan over vertrouwen en de onderlinge relaties tussen de leden.",
      },
      items: [
        {
          code: "relationships.1",
          text: { en: "Members trust each other.", nl: "De leden vertrouwen elkaar." },
        },
        {
          code: "relationships.2",
          text: {
            en: "Members help each other, and the help goes both ways.",
            nl: "Leden helpen elkaar, en die hulp gaat over en weer.",
          },
        },
        {
          code: "relationships.3",
          text: {
            en: "I know who to turn to in the network when I need help.",
            nl: "Ik weet bij wie ik in het netwerk terechtkan als ik hulp nodig heb.",
          },
        },
        {
          code: "relationships.4",
          text: {
            en: "Through the network I have made useful contacts in other organisations.",
            nl: "Via het netwerk heb ik nuttige contacten gelegd in andere organisaties.",
          },
        },
        {
          code: "relationships.5",
          text: {
            en: "Members from different organisations treat each other as equals.",
            nl: "Leden uit verschillende organisaties behandelen elkaar als gelijken.",
          },
        },
      ],
      commentPrompt: {
        en: "Anything you would like to add about relationships?",
        nl: "Wil je nog iets toevoegen over de relaties in het netwerk?",
      },
      conversation: [
        {
          en: "What helps members trust each other, and what gets in the way?",
          nl: "Wat helpt de leden om elkaar te vertrouwen, en wat staat dat in de weg?",
        },
        {
          en: "Who is missing from the network, and how could we connect with them?",
          nl: "Wie ontbreekt er in het netwerk, en hoe kunnen we met hen in contact komen?",
        },
        {
          en: "What would need to change for members to ask each other for help more often?",
          nl: "Wat zou er moeten veranderen zodat leden elkaar vaker om hulp vragen?",
        },
      ],
    },
    {
      code: "communication",
      title: { en: "Communication", nl: "Communicatie" },
      intro: {
        en: "These statements are about how information is shared in the network.",
        nl: "Deze stellingen gaan over hoe informatie binnen het netwerk wordt gedeeld.",
      },
      items: [
        {
          code: "communication.1",
          text: {
            en: "I hear about what is happening in the network in good time.",
            nl: "Ik hoor op tijd wat er in het netwerk gebeurt.",
          },
        },
        {
          code: "communication.2",
          text: {
            en: "Information is shared openly, not only with a few people.",
            nl: "Informatie wordt open gedeeld, niet alleen met een paar mensen.",
          },
        },
        {
          code: "communication.3",
          text: {
            en: "When I share an idea or a concern, people listen.",
            nl: "Als ik een idee of een zorg deel, wordt er naar me geluisterd.",
          },
        },
        {
          code: "communication.4",
          text: {
            en: "Members hear back about what was done with their suggestions.",
            nl: "Leden horen wat er met hun suggesties is gedaan.",
          },
        },
        {
          code: "communication.5",
          text: {
            en: "I know where to find information about the network's work.",
            nl: "Ik weet waar ik informatie over het werk van het netwerk kan vinden.",
          },
        },
      ],
      commentPrompt: {
        en: "Anything you would like to add about communication?",
        nl: "Wil je nog iets toevoegen over de communicatie in het netwerk?",
      },
      conversation: [
        {
          en: "What information do members miss, or hear about too late?",
          nl: "Welke informatie missen de leden, of horen ze te laat?",
        },
        {
          en: "How can members who are less involved still be heard?",
          nl: "Hoe kunnen leden die minder betrokken zijn toch gehoord worden?",
        },
        {
          en: "What would need to change for members to share news and ideas with each other directly?",
          nl: "Wat zou er moeten veranderen zodat leden nieuws en ideeën rechtstreeks met elkaar delen?",
        },
      ],
    },
    {
      code: "governance",
      title: { en: "Governance", nl: "Sturing en besluitvorming" },
      intro: {
        en: "These statements are about how decisions are made and who does what.",
        nl: "Deze stellingen gaan over hoe besluiten worden genomen en wie wat doet.",
      },
      items: [
        {
          code: "governance.1",
          text: {
            en: "It is clear how decisions are made in the network.",
            nl: "Het is duidelijk hoe in het netwerk besluiten worden genomen.",
          },
        },
        {
          code: "governance.2",
          text: {
            en: "Decisions in the network are fair to all member organisations.",
            nl: "Besluiten in het netwerk zijn eerlijk voor alle deelnemende organisaties.",
          },
        },
        {
          code: "governance.3",
          text: {
            en: "I can find out why a decision was made.",
            nl: "Ik kan te weten komen waarom een besluit is genomen.",
          },
        },
        {
          code: "governance.4",
          text: {
            en: "Different members take the lead on different parts of the work.",
            nl: "Verschillende leden nemen de leiding over verschillende onderdelen van het werk.",
          },
        },
        {
          code: "governance.5",
          text: {
            en: "I know who is responsible for what in the network.",
            nl: "Ik weet wie in het netwerk waarvoor verantwoordelijk is.",
          },
        },
      ],
      commentPrompt: {
        en: "Anything you would like to add about governance?",
        nl: "Wil je nog iets toevoegen over sturing en besluitvorming?",
      },
      conversation: [
        {
          en: "Which recent decision did members not understand, and what would have helped?",
          nl: "Welk recent besluit begrepen leden niet, en wat had daarbij geholpen?",
        },
        {
          en: "What would need to change for more members to take the lead on part of the work?",
          nl: "Wat zou er moeten veranderen zodat meer leden de leiding nemen over een deel van het werk?",
        },
        {
          en: "Where are roles or responsibilities unclear, and how could we agree them together?",
          nl: "Waar zijn rollen of verantwoordelijkheden onduidelijk, en hoe kunnen we daar samen afspraken over maken?",
        },
      ],
    },
    {
      code: "value",
      title: { en: "Value", nl: "Meerwaarde" },
      intro: {
        en: "These statements are about the difference the network makes.",
        nl: "Deze stellingen gaan over het verschil dat het netwerk maakt.",
      },
      items: [
        {
          code: "value.1",
          text: {
            en: "The network makes a difference for patients.",
            nl: "Het netwerk maakt verschil voor patiënten.",
          },
        },
        {
          code: "value.2",
          text: {
            en: "Because of the network, services fit together better.",
            nl: "Door het netwerk sluiten zorg en ondersteuning beter op elkaar aan.",
          },
        },
        {
          code: "value.3",
          text: { en: "The network helps me in my own work.", nl: "Het netwerk helpt me in mijn eigen werk." },
        },
        {
          code: "value.4",
          text: {
            en: "The network can show what it has achieved.",
            nl: "Het netwerk kan laten zien wat het heeft bereikt.",
          },
        },
        {
          code: "value.5",
          text: {
            en: "The time I put into the network is worth it.",
            nl: "De tijd die ik in het netwerk steek, is het waard.",
          },
        },
      ],
      commentPrompt: {
        en: "Anything you would like to add about value?",
        nl: "Wil je nog iets toevoegen over de meerwaarde van het netwerk?",
      },
      conversation: [
        {
          en: "What is one change for patients that we are proud of, and how do we know it happened?",
          nl: "Op welke verandering voor patiënten zijn we trots, en hoe weten we dat die er echt is?",
        },
        {
          en: "How could we show the network's value to members, partners and funders?",
          nl: "Hoe kunnen we de meerwaarde van het netwerk laten zien aan leden, partners en financiers?",
        },
        {
          en: "What would make the time members give to the network more worthwhile?",
          nl: "Wat zou de tijd die leden in het netwerk steken meer de moeite waard maken?",
        },
      ],
    },
  ],
  questions: [
    {
      kind: "rating",
      code: "overall",
      text: { en: "How healthy is this network today?", nl: "Hoe gezond is dit netwerk op dit moment?" },
      min: 0,
      max: 10,
      minLabel: { en: "Not at all healthy", nl: "Helemaal niet gezond" },
      maxLabel: { en: "Very healthy", nl: "Heel gezond" },
    },
    {
      kind: "choice",
      code: "trend",
      group: "about",
      text: { en: "Compared with a year ago, the network is…", nl: "Vergeleken met een jaar geleden is het netwerk…" },
      options: [
        { code: "worse", label: { en: "Worse", nl: "Slechter" } },
        { code: "same", label: { en: "About the same", nl: "Ongeveer hetzelfde" } },
        { code: "better", label: { en: "Better", nl: "Beter" } },
        {
          code: "new",
          label: { en: "I joined less than a year ago", nl: "Ik ben minder dan een jaar geleden lid geworden" },
        },
      ],
    },
    {
      kind: "choice",
      code: "involvement",
      group: "about",
      text: { en: "How involved are you in the network?", nl: "Hoe betrokken ben je bij het netwerk?" },
      options: [
        {
          code: "core",
          label: {
            en: "Core: I help lead or organise the network",
            nl: "Kern: ik help het netwerk te leiden of te organiseren",
          },
        },
        { code: "active", label: { en: "Active: I take part regularly", nl: "Actief: ik doe regelmatig mee" } },
        {
          code: "occasional",
          label: { en: "Occasional: I take part now and then", nl: "Af en toe: ik doe soms mee" },
        },
      ],
    },
    {
      kind: "choice",
      code: "organisationType",
      group: "profile",
      text: {
        en: "What type of organisation do you mainly work in? This question is optional and only used for group results.",
        nl: "In welk type organisatie werk je vooral? Deze vraag is niet verplicht en wordt alleen gebruikt voor groepsresultaten.",
      },
      options: [
        { code: "hospital", label: { en: "Hospital", nl: "Ziekenhuis" } },
        {
          code: "primary_care",
          label: { en: "General practice or primary care", nl: "Huisartsenpraktijk of eerstelijnszorg" },
        },
        { code: "community", label: { en: "Community health or home care", nl: "Wijkverpleging of thuiszorg" } },
        { code: "care_home", label: { en: "Care home or nursing home", nl: "Verpleeg- of verzorgingshuis" } },
        { code: "mental_health", label: { en: "Mental health services", nl: "Geestelijke gezondheidszorg (ggz)" } },
        { code: "social_care", label: { en: "Social care", nl: "Sociaal domein" } },
        {
          code: "voluntary",
          label: { en: "Voluntary or patient organisation", nl: "Vrijwilligers- of patiëntenorganisatie" },
        },
        { code: "commissioner", label: { en: "Commissioner or funder", nl: "Financier of zorginkoper" } },
        { code: "other", label: { en: "Other", nl: "Anders" } },
      ],
    },
    {
      kind: "choice",
      code: "professionalGroup",
      group: "profile",
      text: {
        en: "Which professional group do you belong to? This question is optional and only used for group results.",
        nl: "Tot welke beroepsgroep behoor je? Deze vraag is niet verplicht en wordt alleen gebruikt voor groepsresultaten.",
      },
      options: [
        { code: "medical", label: { en: "Doctor", nl: "Arts" } },
        { code: "nursing", label: { en: "Nurse or midwife", nl: "Verpleegkundige of verloskundige" } },
        {
          code: "allied_health",
          label: {
            en: "Allied health professional (such as physiotherapist or dietitian)",
            nl: "Paramedicus (zoals fysiotherapeut of diëtist)",
          },
        },
        { code: "management", label: { en: "Manager or director", nl: "Manager of bestuurder" } },
        {
          code: "admin",
          label: { en: "Administrative or support staff", nl: "Administratief of ondersteunend medewerker" },
        },
        { code: "social_work", label: { en: "Social worker", nl: "Sociaal werker" } },
        {
          code: "patient_rep",
          label: {
            en: "Patient or carer representative",
            nl: "Vertegenwoordiger van patiënten of mantelzorgers",
          },
        },
        { code: "other", label: { en: "Other", nl: "Anders" } },
      ],
    },
  ],
};
