/** A realistic roster for the demo network: people across the organisations of an integrated care partnership. */
export const DEMO_ORGANISATIONS = [
  "Valley General Hospital",
  "Riverside Medical Practice",
  "Northside Primary Care Network",
  "County Council Adult Social Care",
  "Valley Mental Health Trust",
  "Age Well Valley (charity)",
  "Valley Community Nursing",
  "Patient and carer representatives",
] as const;

/**
 * The demo network's organisations for the network map: those the roster names, and four more
 * partners nobody on the roster works for yet (so the map has organisations without respondents).
 */
export const DEMO_NETWORK_ORGANISATIONS = [
  { name: "Valley General Hospital", type: "hospital" },
  { name: "Riverside Medical Practice", type: "primary_care" },
  { name: "Northside Primary Care Network", type: "primary_care" },
  { name: "County Council Adult Social Care", type: "social_care" },
  { name: "Valley Mental Health Trust", type: "mental_health" },
  { name: "Age Well Valley (charity)", type: "voluntary" },
  { name: "Valley Community Nursing", type: "community" },
  { name: "Patient and carer representatives", type: "voluntary" },
  { name: "Meadowbank Care Home", type: "care_home" },
  { name: "North Valley Integrated Care Board", type: "commissioner" },
  { name: "Valley Community Pharmacy Group", type: "primary_care" },
  { name: "Riverside Housing Association", type: "social_care" },
] as const;

const FIRST = [
  "Amira",
  "Ben",
  "Chloe",
  "Dev",
  "Eleanor",
  "Femi",
  "Grace",
  "Hamza",
  "Isla",
  "Jonas",
  "Kate",
  "Liam",
  "Maya",
  "Noor",
  "Owen",
  "Priya",
  "Quinn",
  "Ruth",
  "Sam",
  "Tomasz",
  "Uma",
  "Victor",
  "Wendy",
  "Yusuf",
  "Zara",
  "Aled",
  "Bea",
  "Callum",
  "Dana",
  "Ewan",
  "Farah",
  "Gareth",
  "Hana",
  "Ian",
  "Jess",
  "Kwame",
];
const LAST = [
  "Patel",
  "Okafor",
  "Williams",
  "Nowak",
  "Hughes",
  "Ahmed",
  "Jones",
  "Bakker",
  "Murphy",
  "Singh",
  "Evans",
  "Cohen",
  "Davies",
  "Khan",
  "Roberts",
  "Lewis",
  "Mensah",
  "Taylor",
];

/** 36 members, spread over the organisations, with predictable names and example.org emails. */
export function demoRoster() {
  return FIRST.map((first, i) => {
    const last = LAST[(i * 7) % LAST.length] ?? "Smith";
    const organisation = DEMO_ORGANISATIONS[i % DEMO_ORGANISATIONS.length] ?? DEMO_ORGANISATIONS[0];
    return { name: `${first} ${last}`, email: `${first}.${last}@example.org`.toLowerCase(), organisation };
  });
}
