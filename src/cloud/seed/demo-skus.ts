// The licences generated tenants buy, copied from data/licensing-skus.json (Microsoft's licensing
// service plan reference) so the generator needs no file at run time; a test keeps the copy true.
// Each SKU lists only the service plans the generator disables on some assignments.

export interface DemoSku {
  readonly skuPartNumber: string;
  readonly skuId: string;
  /** servicePlanName -> servicePlanId, a subset of the SKU's plans. */
  readonly servicePlans: Readonly<Record<string, string>>;
}

export const DEMO_SKUS = {
  SPE_E3: {
    skuPartNumber: "SPE_E3",
    skuId: "05e9a617-0261-4cee-bb44-138d3ef5d965",
    servicePlans: {
      YAMMER_ENTERPRISE: "7547a3fe-08ee-4ccb-b430-5077c5041653",
      SWAY: "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
      KAIZALA_O365_P3: "aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1",
      MICROSOFTBOOKINGS: "199a5c09-e0ca-4e37-8f7c-b05d533e1ea2",
      Deskless: "8c7d2df8-86f0-4902-b2ed-a0458298f3b3",
    },
  },
  SPE_E5: {
    skuPartNumber: "SPE_E5",
    skuId: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
    servicePlans: {
      YAMMER_ENTERPRISE: "7547a3fe-08ee-4ccb-b430-5077c5041653",
      SWAY: "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
      MCOEV: "4828c8ec-dc2e-4779-b502-87ac9ce28ab7",
      MCOMEETADV: "3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40",
    },
  },
  ENTERPRISEPACK: {
    skuPartNumber: "ENTERPRISEPACK",
    skuId: "6fd2c87f-b296-42f0-b197-1e91e994b900",
    servicePlans: {
      YAMMER_ENTERPRISE: "7547a3fe-08ee-4ccb-b430-5077c5041653",
      SWAY: "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
      KAIZALA_O365_P3: "aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1",
    },
  },
  EMS: {
    skuPartNumber: "EMS",
    skuId: "efccb6f7-5641-4e0e-bd10-b4976e1bf68e",
    servicePlans: {
      ADALLOM_S_DISCOVERY: "932ad362-64a8-4783-9106-97849a1a30b9",
      INTUNE_A: "c1ec4a95-1f05-45b3-a911-aa3fa01094f5",
    },
  },
  SPB: {
    skuPartNumber: "SPB",
    skuId: "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
    servicePlans: {
      YAMMER_ENTERPRISE: "7547a3fe-08ee-4ccb-b430-5077c5041653",
      SWAY: "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
      MICROSOFTBOOKINGS: "199a5c09-e0ca-4e37-8f7c-b05d533e1ea2",
    },
  },
  O365_BUSINESS_PREMIUM: {
    skuPartNumber: "O365_BUSINESS_PREMIUM",
    skuId: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
    servicePlans: {
      YAMMER_ENTERPRISE: "7547a3fe-08ee-4ccb-b430-5077c5041653",
      SWAY: "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
      MICROSOFTBOOKINGS: "199a5c09-e0ca-4e37-8f7c-b05d533e1ea2",
    },
  },
  O365_BUSINESS_ESSENTIALS: {
    skuPartNumber: "O365_BUSINESS_ESSENTIALS",
    skuId: "3b555118-da6a-4418-894f-7df1e2096870",
    servicePlans: {
      YAMMER_ENTERPRISE: "7547a3fe-08ee-4ccb-b430-5077c5041653",
      SWAY: "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
    },
  },
  POWER_BI_PRO: {
    skuPartNumber: "POWER_BI_PRO",
    skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560",
    servicePlans: {
      BI_AZURE_P2: "70d33638-9c74-4d01-bfd3-562de28bd4ba",
    },
  },
  VISIOCLIENT: {
    skuPartNumber: "VISIOCLIENT",
    skuId: "c5928f49-12ba-48f7-ada3-0d743a3601d5",
    servicePlans: {
      VISIO_CLIENT_SUBSCRIPTION: "663a804f-1c30-4ff0-9915-9db84f0d1cea",
      VISIOONLINE: "2bdbaf8f-738f-4ac7-9234-3c3ee2ce7d0f",
    },
  },
  PROJECTPREMIUM: {
    skuPartNumber: "PROJECTPREMIUM",
    skuId: "09015f9f-377f-4538-bbb5-f75ceb09358a",
    servicePlans: {
      PROJECT_CLIENT_SUBSCRIPTION: "fafd7243-e5c1-4a3a-9e40-495efcb1d3c3",
      SHAREPOINT_PROJECT: "fe71d6c3-a2ea-4499-9778-da042bf08063",
    },
  },
  Microsoft_Teams_Premium: {
    skuPartNumber: "Microsoft_Teams_Premium",
    skuId: "36a0f3b3-adb5-49ea-bf66-762134cf063a",
    servicePlans: {
      TEAMSPRO_WEBINAR: "78b58230-ec7e-4309-913c-93a45cc4735b",
      MCO_VIRTUAL_APPT: "711413d0-b36e-4cd4-93db-0a50a4ab7ea3",
    },
  },
  FLOW_FREE: {
    skuPartNumber: "FLOW_FREE",
    skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
    servicePlans: {
      FLOW_P2_VIRAL: "50e68c76-46c6-4674-81f9-75456511b170",
    },
  },
} as const satisfies Record<string, DemoSku>;

export type DemoSkuKey = keyof typeof DEMO_SKUS;
