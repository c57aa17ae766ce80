// The maturity matrix, version 1: eight dimensions × four levels, in English and Dutch. Descriptors
// say what a person could see happening in the network at that level, drawn from the source texts
// (a leader at the core, not the top; open communication; give and take; showing value). Codes are
// stable: change a text here only to say the same thing better; a new meaning is a new version.
// Read through for plain words (B1) in both languages: short sentences, what a member could see
// happen, no jargon ("resources", "the centre" and the like are held off by test/maturity/matrix.test.ts).
import { type MaturityMatrix, maturityMatrixSchema } from "./matrix-schema";

const matrix: MaturityMatrix = {
  code: "maturity",
  version: 1,
  levels: [
    { code: "emerging", title: { en: "Emerging", nl: "Beginnend" } },
    { code: "developing", title: { en: "Developing", nl: "In ontwikkeling" } },
    { code: "maturing", title: { en: "Maturing", nl: "Volwassen wordend" } },
    { code: "thriving", title: { en: "Thriving", nl: "Bloeiend" } },
  ],
  questions: {
    current: { en: "Where is the network now?", nl: "Waar staat het netwerk nu?" },
    target: { en: "Where should the network be in a year?", nl: "Waar zou het netwerk over een jaar moeten staan?" },
    dontKnow: { en: "Don't know", nl: "Weet ik niet" },
  },
  dimensions: [
    {
      code: "purpose",
      title: { en: "Shared purpose", nl: "Gedeeld doel" },
      descriptors: [
        {
          en: "Members joined for different reasons. There is no written purpose yet, and few members could say what the network is for.",
          nl: "Leden doen mee om verschillende redenen. Er is nog geen opgeschreven doel, en weinig leden kunnen zeggen waar het netwerk voor is.",
        },
        {
          en: "A purpose is written down, but mostly by a few people. Some members can explain it; others do not see their own work in it.",
          nl: "Er is een doel opgeschreven, maar vooral door een paar mensen. Sommige leden kunnen het uitleggen; anderen zien hun eigen werk er niet in terug.",
        },
        {
          en: "Members agreed the purpose and the priorities together. Most members can name the network's three priorities and use them to decide what to work on.",
          nl: "Leden hebben het doel en de prioriteiten samen afgesproken. De meeste leden kunnen de drie prioriteiten van het netwerk noemen en kiezen daarmee waar ze aan werken.",
        },
        {
          en: "Meetings and decisions start from the purpose. Members look at it again together each year, and new members hear about it on their first day.",
          nl: "Bijeenkomsten en besluiten gaan uit van het doel. Leden bekijken het elk jaar samen opnieuw, en nieuwe leden horen erover op hun eerste dag.",
        },
      ],
    },
    {
      code: "relationships",
      title: { en: "Relationships and trust", nl: "Relaties en vertrouwen" },
      descriptors: [
        {
          en: "Members mostly know people in their own organisation. Contact with other organisations depends on a few old friendships.",
          nl: "Leden kennen vooral mensen in hun eigen organisatie. Contact met andere organisaties hangt af van een paar oude bekenden.",
        },
        {
          en: "Members meet at network events and learn who does what. Help is offered, but it is mostly asked of the same few people.",
          nl: "Leden ontmoeten elkaar bij bijeenkomsten van het netwerk en leren wie wat doet. Er wordt hulp aangeboden, maar vooral gevraagd aan steeds dezelfde mensen.",
        },
        {
          en: "Members know whom to call in other organisations, and they do. Help goes both ways, and disagreements are talked about openly.",
          nl: "Leden weten wie ze in andere organisaties kunnen bellen, en dat doen ze ook. Hulp gaat twee kanten op, en over meningsverschillen wordt open gepraat.",
        },
        {
          en: "Members trust each other enough to share problems and mistakes. They introduce each other to new people, and newcomers soon know whom to ask.",
          nl: "Leden vertrouwen elkaar genoeg om problemen en fouten te delen. Ze stellen elkaar voor aan nieuwe mensen, en nieuwe leden weten snel wie ze iets kunnen vragen.",
        },
      ],
    },
    {
      code: "communication",
      title: { en: "Communication and information flow", nl: "Communicatie en informatie" },
      descriptors: [
        {
          en: "Information comes only from the leaders, and only when something is needed. Members often hear about decisions late, or not at all.",
          nl: "Informatie komt alleen van de leiding, en alleen als er iets nodig is. Leden horen vaak laat over besluiten, of helemaal niet.",
        },
        {
          en: "There is a regular update, such as a newsletter or an email. It mostly goes one way: members rarely answer it or add to it.",
          nl: "Er is een vast bericht, zoals een nieuwsbrief of een e-mail. Dat gaat vooral één kant op: leden reageren er zelden op of vullen het zelden aan.",
        },
        {
          en: "Members share news with each other, not only through the leaders. Notes and decisions of meetings are easy to find and arrive on time.",
          nl: "Leden delen nieuws met elkaar, niet alleen via de leiding. Verslagen en besluiten van bijeenkomsten zijn makkelijk te vinden en komen op tijd.",
        },
        {
          en: "Everyone shares information openly with everyone. Members say they hear what happens and are listened to, and they pass on what they learn.",
          nl: "Iedereen deelt informatie open met iedereen. Leden zeggen dat ze horen wat er gebeurt en dat naar hen geluisterd wordt, en ze geven door wat ze leren.",
        },
      ],
    },
    {
      code: "governance",
      title: { en: "Governance and decision-making", nl: "Besluitvorming en afspraken" },
      descriptors: [
        {
          en: "It is unclear who decides what. One person or a small group decides, often outside meetings.",
          nl: "Het is niet duidelijk wie wat beslist. Eén persoon of een kleine groep beslist, vaak buiten de bijeenkomsten om.",
        },
        {
          en: "Some roles and rules are written down. Members do not always know how a decision was made or how to raise a concern.",
          nl: "Sommige rollen en regels zijn opgeschreven. Leden weten niet altijd hoe een besluit is genomen of hoe ze een zorg kunnen melden.",
        },
        {
          en: "Roles, rules for deciding and who answers for what are written down and used. Members can see how and why decisions were made.",
          nl: "Rollen, regels voor besluiten en wie waarvoor verantwoordelijk is, zijn opgeschreven en worden gebruikt. Leden kunnen zien hoe en waarom besluiten zijn genomen.",
        },
        {
          en: "Members make decisions together and take turns leading parts of the work, for an agreed time. They look together at how they decide and change it when needed.",
          nl: "Leden nemen samen besluiten en leiden om de beurt een deel van het werk, voor een afgesproken tijd. Ze bekijken samen hoe ze beslissen en passen dat aan als het nodig is.",
        },
      ],
    },
    {
      code: "value",
      title: { en: "Value and impact", nl: "Waarde en resultaat" },
      descriptors: [
        {
          en: "The network does not yet keep track of what it achieves. Members hope it helps but cannot give examples.",
          nl: "Het netwerk houdt nog niet bij wat het bereikt. Leden hopen dat het helpt, maar kunnen geen voorbeelden geven.",
        },
        {
          en: "Members can tell stories of what the network has changed. There is nothing agreed to measure yet.",
          nl: "Leden kunnen verhalen vertellen over wat het netwerk heeft veranderd. Er zijn nog geen afgesproken meetpunten.",
        },
        {
          en: "The network has agreed a few things to measure for patients, services and members. It reports on them at least once a year.",
          nl: "Het netwerk heeft een paar meetpunten afgesproken voor patiënten, zorg en leden. Het laat minstens één keer per jaar zien hoe het daarop staat.",
        },
        {
          en: "The network shows its value with figures and stories and uses them to decide what to work on. Partners and funders ask for them.",
          nl: "Het netwerk laat zijn waarde zien met cijfers en verhalen en kiest daarmee waar het aan werkt. Partners en financiers vragen erom.",
        },
      ],
    },
    {
      code: "membership",
      title: { en: "Membership and participation", nl: "Lidmaatschap en deelname" },
      descriptors: [
        {
          en: "It is not clear who is a member. A few people come to meetings, and many organisations in the area are missing.",
          nl: "Het is niet duidelijk wie lid is. Een paar mensen komen naar bijeenkomsten, en veel organisaties in de regio ontbreken.",
        },
        {
          en: "There is a list of members, and a regular group comes to meetings. Some organisations or professions rarely take part.",
          nl: "Er is een ledenlijst, en een vaste groep komt naar de bijeenkomsten. Sommige organisaties of beroepen doen zelden mee.",
        },
        {
          en: "It is clear who the members are, and they come from many organisations and professions. Most members work on at least one project each year.",
          nl: "Het is duidelijk wie lid is, en de leden komen uit veel organisaties en beroepen. De meeste leden werken elk jaar mee aan minstens één project.",
        },
        {
          en: "Members take part because they see what it brings them. The network checks who is missing, patients and carers too, and invites them in.",
          nl: "Leden doen mee omdat ze zien wat het hun oplevert. Het netwerk kijkt wie er ontbreekt, ook patiënten en mantelzorgers, en nodigt hen uit.",
        },
      ],
    },
    {
      code: "leadership",
      title: { en: "Leadership and facilitation", nl: "Leiderschap en begeleiding" },
      descriptors: [
        {
          en: "One person or organisation leads and does most of the work. Members wait for the leader to act.",
          nl: "Eén persoon of organisatie leidt en doet het meeste werk. Leden wachten tot de leider iets doet.",
        },
        {
          en: "The leader brings members together and asks for their views, but still makes most plans alone.",
          nl: "De leider brengt leden samen en vraagt naar hun mening, maar maakt de meeste plannen nog alleen.",
        },
        {
          en: "The leader works in the middle of the network, not at the top. They put members in touch and lead good conversations, and members lead some of the work.",
          nl: "De leider staat midden in het netwerk, niet aan de top. Die brengt leden met elkaar in contact en leidt goede gesprekken, en leden leiden zelf een deel van het werk.",
        },
        {
          en: "Leadership is shared: different members lead at different times, and new leaders get support. The network would carry on if its leader left.",
          nl: "Het leiderschap is gedeeld: verschillende leden leiden op verschillende momenten, en nieuwe leiders krijgen steun. Het netwerk zou doorgaan als de leider vertrekt.",
        },
      ],
    },
    {
      code: "learning",
      title: { en: "Learning and resources", nl: "Leren en middelen" },
      descriptors: [
        {
          en: "There is no time, money or support set aside for the network. Members do its work on top of their day jobs.",
          nl: "Er is geen tijd, geld of ondersteuning voor het netwerk. Leden doen het werk naast hun gewone baan.",
        },
        {
          en: "The network has some support, such as a coordinator or a small budget. That support may stop after this year.",
          nl: "Het netwerk heeft wat ondersteuning, zoals een coördinator of een klein budget. Die kan na dit jaar stoppen.",
        },
        {
          en: "Time and money for next year are agreed. The network looks back on its work, for example after each survey, and changes what it does.",
          nl: "Tijd en geld voor volgend jaar zijn afgesproken. Het netwerk kijkt terug op zijn werk, bijvoorbeeld na elke vragenlijst, en past aan wat het doet.",
        },
        {
          en: "Time and money are secure, and the partners share the cost. The network tries out ideas, shares what worked and what did not, and learns from other networks.",
          nl: "Tijd en geld zijn zeker, en de partners delen de kosten. Het netwerk probeert ideeën uit, deelt wat wel en niet werkte, en leert van andere netwerken.",
        },
      ],
    },
  ],
};

/** The maturity matrix, version 1, checked against its schema once when first imported. */
export const MATURITY_V1: Readonly<MaturityMatrix> = Object.freeze(maturityMatrixSchema.parse(matrix));
