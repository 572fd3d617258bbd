// Organisations guests come from. The company names are Microsoft's own fictitious ones, made
// for documentation and demos; the consumer mail services stand for personal-address guests.

export interface PartnerOrganisation {
  readonly domain: string;
  /** null for personal mail services. */
  readonly companyName: string | null;
}

export const PARTNERS: readonly PartnerOrganisation[] = [
  { domain: "fabrikam.com", companyName: "Fabrikam" },
  { domain: "adatum.com", companyName: "A. Datum Corporation" },
  { domain: "northwindtraders.com", companyName: "Northwind Traders" },
  { domain: "wingtiptoys.com", companyName: "Wingtip Toys" },
  { domain: "tailspintoys.com", companyName: "Tailspin Toys" },
  { domain: "litwareinc.com", companyName: "Litware, Inc." },
  { domain: "proseware.com", companyName: "Proseware, Inc." },
  { domain: "woodgrovebank.com", companyName: "Woodgrove Bank" },
  { domain: "fourthcoffee.com", companyName: "Fourth Coffee" },
  { domain: "alpineskihouse.com", companyName: "Alpine Ski House" },
  { domain: "blueyonderairlines.com", companyName: "Blue Yonder Airlines" },
  { domain: "cohovineyard.com", companyName: "Coho Vineyard" },
  { domain: "lucernepublishing.com", companyName: "Lucerne Publishing" },
  { domain: "margiestravel.com", companyName: "Margie's Travel" },
  { domain: "relecloud.com", companyName: "Relecloud" },
  { domain: "treyresearch.net", companyName: "Trey Research" },
  { domain: "wideworldimporters.com", companyName: "Wide World Importers" },
  { domain: "humongousinsurance.com", companyName: "Humongous Insurance" },
  { domain: "southridgevideo.com", companyName: "Southridge Video" },
  { domain: "gmail.com", companyName: null },
  { domain: "outlook.com", companyName: null },
  { domain: "hotmail.com", companyName: null },
  { domain: "yahoo.com", companyName: null },
];
