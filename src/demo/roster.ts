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
