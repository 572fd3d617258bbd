// Words for naming generated groups: project code names for team sites, and the business
// applications whose access is typically granted through security groups.

export const PROJECT_NAMES: readonly string[] = [
  "Phoenix", "Atlas", "Horizon", "Nebula", "Aurora", "Falcon", "Orion", "Mercury", "Apollo", "Titan",
  "Zephyr", "Everest", "Kestrel", "Cascade", "Summit", "Beacon", "Compass", "Quasar", "Helix", "Pioneer",
  "Voyager", "Meridian", "Catalyst", "Keystone", "Odyssey", "Polaris", "Sapphire", "Granite", "Redwood", "Sequoia",
  "Tundra", "Monsoon", "Sirocco", "Vortex", "Ember", "Glacier", "Harbor", "Lantern", "Mosaic", "Nimbus",
  "Origami", "Prism", "Quill", "Raven", "Sparrow", "Tidal", "Unity", "Vanguard", "Willow", "Zenith",
];

export const BUSINESS_APPS: readonly string[] = [
  "Salesforce", "ServiceNow", "Workday", "SAP Concur", "Zoom", "Slack", "Adobe Creative Cloud", "Jira",
  "Confluence", "GitHub Enterprise", "Tableau", "DocuSign", "Box", "Dropbox Business", "AWS Console",
  "Zscaler", "Cisco AnyConnect", "Autodesk", "SAP ERP", "Miro", "Figma", "HubSpot", "Zendesk", "NetSuite",
];
