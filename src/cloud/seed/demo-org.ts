// The shape of a generated company: its departments (with the job titles found in them) and the
// offices it may have. Addresses are invented; phone prefixes use ranges set aside for fiction
// where the country has one.

export interface Department {
  readonly name: string;
  /** Relative size of the department in a company. */
  readonly weight: number;
  readonly headTitle: string;
  readonly managerTitle: string;
  readonly titles: readonly string[];
}

export const EXECUTIVE = 0;

export const DEPARTMENTS: readonly Department[] = [
  {
    name: "Executive",
    weight: 1,
    headTitle: "Chief Executive Officer",
    managerTitle: "Chief of Staff",
    titles: ["Executive Assistant", "Strategy Advisor", "Executive Business Partner"],
  },
  {
    name: "Sales",
    weight: 18,
    headTitle: "Vice President of Sales",
    managerTitle: "Sales Manager",
    titles: ["Account Executive", "Sales Representative", "Sales Development Representative", "Account Manager", "Sales Engineer", "Key Account Manager"],
  },
  {
    name: "Engineering",
    weight: 16,
    headTitle: "Vice President of Engineering",
    managerTitle: "Engineering Manager",
    titles: ["Software Engineer", "Senior Software Engineer", "QA Engineer", "DevOps Engineer", "Site Reliability Engineer", "Principal Engineer"],
  },
  {
    name: "Customer Support",
    weight: 10,
    headTitle: "Director of Customer Support",
    managerTitle: "Support Team Lead",
    titles: ["Support Specialist", "Customer Success Manager", "Technical Support Engineer", "Service Desk Analyst"],
  },
  {
    name: "Operations",
    weight: 10,
    headTitle: "Chief Operating Officer",
    managerTitle: "Operations Manager",
    titles: ["Operations Analyst", "Logistics Coordinator", "Supply Chain Analyst", "Warehouse Supervisor"],
  },
  {
    name: "Marketing",
    weight: 7,
    headTitle: "Chief Marketing Officer",
    managerTitle: "Marketing Manager",
    titles: ["Marketing Specialist", "Content Strategist", "Digital Marketing Specialist", "Product Marketing Manager", "Events Coordinator"],
  },
  {
    name: "Finance",
    weight: 6,
    headTitle: "Chief Financial Officer",
    managerTitle: "Finance Manager",
    titles: ["Accountant", "Financial Analyst", "Accounts Payable Specialist", "Payroll Specialist", "Controller"],
  },
  {
    name: "Research and Development",
    weight: 6,
    headTitle: "Director of Research",
    managerTitle: "Research Manager",
    titles: ["Research Scientist", "Data Scientist", "Lab Technician", "Research Engineer"],
  },
  {
    name: "Product",
    weight: 5,
    headTitle: "Chief Product Officer",
    managerTitle: "Group Product Manager",
    titles: ["Product Manager", "Product Designer", "UX Researcher", "Technical Program Manager"],
  },
  {
    name: "IT",
    weight: 5,
    headTitle: "Chief Information Officer",
    managerTitle: "IT Manager",
    titles: ["Systems Administrator", "Network Engineer", "IT Support Technician", "Security Analyst", "Cloud Architect"],
  },
  {
    name: "Human Resources",
    weight: 4,
    headTitle: "Chief People Officer",
    managerTitle: "HR Manager",
    titles: ["HR Business Partner", "Recruiter", "Talent Acquisition Specialist", "HR Generalist"],
  },
  {
    name: "Procurement",
    weight: 3,
    headTitle: "Head of Procurement",
    managerTitle: "Procurement Manager",
    titles: ["Buyer", "Procurement Specialist", "Vendor Manager"],
  },
  {
    name: "Legal",
    weight: 2,
    headTitle: "General Counsel",
    managerTitle: "Legal Operations Manager",
    titles: ["Corporate Counsel", "Paralegal", "Compliance Officer", "Contracts Manager"],
  },
  {
    name: "Facilities",
    weight: 2,
    headTitle: "Facilities Director",
    managerTitle: "Facilities Manager",
    titles: ["Facilities Coordinator", "Office Manager", "Receptionist"],
  },
];

export interface Office {
  readonly name: string;
  readonly streetAddress: string;
  readonly city: string;
  readonly state: string | null;
  readonly postalCode: string;
  readonly country: string;
  /** ISO 3166-1 alpha-2, as usageLocation and countryLetterCode take it. */
  readonly countryCode: string;
  readonly language: string;
  /** Business numbers are this prefix followed by three digits. */
  readonly phonePrefix: string;
  readonly mobilePrefix: string;
}

export const OFFICES: readonly Office[] = [
  { name: "Seattle", streetAddress: "1400 Harbor Crest Avenue", city: "Seattle", state: "WA", postalCode: "98101", country: "United States", countryCode: "US", language: "en-US", phonePrefix: "+1 206 555 0", mobilePrefix: "+1 425 555 0" },
  { name: "New York", streetAddress: "350 Meridian Plaza", city: "New York", state: "NY", postalCode: "10018", country: "United States", countryCode: "US", language: "en-US", phonePrefix: "+1 212 555 0", mobilePrefix: "+1 917 555 0" },
  { name: "Austin", streetAddress: "600 Congress Row", city: "Austin", state: "TX", postalCode: "78701", country: "United States", countryCode: "US", language: "en-US", phonePrefix: "+1 512 555 0", mobilePrefix: "+1 737 555 0" },
  { name: "Toronto", streetAddress: "200 Lakeshore Court", city: "Toronto", state: "ON", postalCode: "M5J 2N8", country: "Canada", countryCode: "CA", language: "en-CA", phonePrefix: "+1 416 555 0", mobilePrefix: "+1 647 555 0" },
  { name: "London", streetAddress: "25 Aldgate Yard", city: "London", state: null, postalCode: "EC3N 1AH", country: "United Kingdom", countryCode: "GB", language: "en-GB", phonePrefix: "+44 20 7946 0", mobilePrefix: "+44 7700 900" },
  { name: "Manchester", streetAddress: "8 Canal Wharf", city: "Manchester", state: null, postalCode: "M1 3LZ", country: "United Kingdom", countryCode: "GB", language: "en-GB", phonePrefix: "+44 161 496 0", mobilePrefix: "+44 7700 900" },
  { name: "Dublin", streetAddress: "14 Grand Dock Quay", city: "Dublin", state: null, postalCode: "D02 X285", country: "Ireland", countryCode: "IE", language: "en-IE", phonePrefix: "+353 1 555 0", mobilePrefix: "+353 85 555 0" },
  { name: "Paris", streetAddress: "42 rue des Tanneurs", city: "Paris", state: null, postalCode: "75011", country: "France", countryCode: "FR", language: "fr-FR", phonePrefix: "+33 1 99 00 0", mobilePrefix: "+33 6 39 98 0" },
  { name: "Berlin", streetAddress: "Spreeufer 17", city: "Berlin", state: null, postalCode: "10179", country: "Germany", countryCode: "DE", language: "de-DE", phonePrefix: "+49 30 5558 0", mobilePrefix: "+49 151 5558 0" },
  { name: "Munich", streetAddress: "Isartorweg 9", city: "Munich", state: "Bavaria", postalCode: "80331", country: "Germany", countryCode: "DE", language: "de-DE", phonePrefix: "+49 89 5558 0", mobilePrefix: "+49 160 5558 0" },
  { name: "Amsterdam", streetAddress: "Keizersdok 88", city: "Amsterdam", state: null, postalCode: "1016 DK", country: "Netherlands", countryCode: "NL", language: "nl-NL", phonePrefix: "+31 20 555 0", mobilePrefix: "+31 6 5550 0" },
  { name: "Madrid", streetAddress: "Calle del Olivar 31", city: "Madrid", state: null, postalCode: "28012", country: "Spain", countryCode: "ES", language: "es-ES", phonePrefix: "+34 91 555 0", mobilePrefix: "+34 655 50 0" },
  { name: "Milan", streetAddress: "Via dei Navigli 12", city: "Milan", state: null, postalCode: "20143", country: "Italy", countryCode: "IT", language: "it-IT", phonePrefix: "+39 02 5550 0", mobilePrefix: "+39 333 555 0" },
  { name: "Stockholm", streetAddress: "Strandvägen 61", city: "Stockholm", state: null, postalCode: "114 56", country: "Sweden", countryCode: "SE", language: "sv-SE", phonePrefix: "+46 8 555 0", mobilePrefix: "+46 70 555 0" },
  { name: "Warsaw", streetAddress: "ul. Wiślana 5", city: "Warsaw", state: null, postalCode: "00-317", country: "Poland", countryCode: "PL", language: "pl-PL", phonePrefix: "+48 22 555 0", mobilePrefix: "+48 501 555 0" },
  { name: "Zurich", streetAddress: "Limmatquai 23", city: "Zurich", state: null, postalCode: "8001", country: "Switzerland", countryCode: "CH", language: "de-CH", phonePrefix: "+41 44 555 0", mobilePrefix: "+41 79 555 0" },
  { name: "Bengaluru", streetAddress: "77 Outer Ring Tech Park", city: "Bengaluru", state: "Karnataka", postalCode: "560103", country: "India", countryCode: "IN", language: "en-IN", phonePrefix: "+91 80 5555 0", mobilePrefix: "+91 98450 0" },
  { name: "Singapore", streetAddress: "9 Marina Crescent", city: "Singapore", state: null, postalCode: "018989", country: "Singapore", countryCode: "SG", language: "en-SG", phonePrefix: "+65 6555 0", mobilePrefix: "+65 8555 0" },
  { name: "Tokyo", streetAddress: "2-4-1 Konan Harbor Tower", city: "Tokyo", state: null, postalCode: "108-0075", country: "Japan", countryCode: "JP", language: "ja-JP", phonePrefix: "+81 3 5555 0", mobilePrefix: "+81 90 5555 0" },
  { name: "Sydney", streetAddress: "120 Harbourside Lane", city: "Sydney", state: "NSW", postalCode: "2000", country: "Australia", countryCode: "AU", language: "en-AU", phonePrefix: "+61 2 5550 0", mobilePrefix: "+61 491 570 " },
  { name: "São Paulo", streetAddress: "Avenida das Palmeiras 900", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "Brazil", countryCode: "BR", language: "pt-BR", phonePrefix: "+55 11 5555 0", mobilePrefix: "+55 11 95555 0" },
  { name: "Mexico City", streetAddress: "Paseo de los Álamos 410", city: "Mexico City", state: "CDMX", postalCode: "06600", country: "Mexico", countryCode: "MX", language: "es-MX", phonePrefix: "+52 55 5555 0", mobilePrefix: "+52 55 6555 0" },
  { name: "Johannesburg", streetAddress: "18 Jacaranda Drive", city: "Johannesburg", state: "Gauteng", postalCode: "2196", country: "South Africa", countryCode: "ZA", language: "en-ZA", phonePrefix: "+27 11 555 0", mobilePrefix: "+27 82 555 0" },
];
