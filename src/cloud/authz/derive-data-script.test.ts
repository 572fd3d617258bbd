// The pure transforms of scripts/derive-data.ts, on small inline fixtures.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chooseLeast,
  deriveEntraRoleRules,
  deriveEntraRoles,
  deriveGraphAppPermissions,
  deriveGraphAppRoleIds,
  deriveLicensingSkus,
  parsePathAnnotation,
  type SourceEntraRole,
  type SourceEntraRoleRules,
  type SourceGraphPermissions,
  toJsonText,
} from "../../../scripts/derive-data.ts";

const app = (displayName: string, privilegeLevel = 3) => ({
  adminDisplayName: displayName,
  adminDescription: `${displayName}, without a signed-in user.`,
  privilegeLevel,
});

const graphFixture: SourceGraphPermissions = {
  permissions: {
    "User.Read": {
      schemes: { DelegatedWork: app("Sign in and read user profile") },
      pathSets: [{ schemeKeys: ["DelegatedWork"], methods: ["GET"], paths: { "/me": "least=DelegatedWork" } }],
    },
    "User.ReadBasic.All": {
      schemes: { Application: app("Read all users' basic profiles") },
      pathSets: [{ schemeKeys: ["Application"], methods: ["GET"], paths: { "/users": "least=Application" } }],
    },
    "User.ReadWrite.All": {
      schemes: { DelegatedWork: app("Read and write all users"), Application: app("Read and write all users", 4) },
      pathSets: [
        {
          schemeKeys: ["DelegatedWork", "Application"],
          methods: ["GET", "PATCH"],
          paths: { "/users": "least=DelegatedWork,Application", "/Users/{id}": "" },
        },
        { schemeKeys: ["DelegatedWork"], methods: ["GET"], paths: { "/me": "" } },
        { schemeKeys: ["Application"], methods: ["GET"], paths: { "/sites": "least=Application" } },
      ],
    },
    "LicenseAssignment.Read.All": {
      schemes: { Application: app("Read all license assignments") },
      pathSets: [
        { schemeKeys: ["Application"], methods: ["GET"], paths: { "/subscribedSkus": "least=Application" } },
        { schemeKeys: ["Application"], methods: ["GET"], paths: { "/subscribedskus": "" } },
      ],
    },
    "DeviceManagementServiceConfig.Read.All": {
      schemes: { Application: app("Read Microsoft Intune configuration") },
      pathSets: [{ schemeKeys: ["Application"], methods: ["GET"], paths: { "/organization": "least=Application" } }],
    },
    "Application.ReadWrite.OwnedBy": {
      schemes: { Application: app("Manage apps that this app creates or owns") },
      pathSets: [
        {
          schemeKeys: ["Application"],
          methods: ["POST"],
          paths: { "/applications/{id}/owners": "least=Application;AlsoRequires=Directory.Read.All" },
        },
        {
          schemeKeys: ["Application"],
          methods: ["POST"],
          paths: { "/applications/{id}/owners": "AlsoRequires=User.Read.All" },
        },
      ],
    },
    "Calendars.ReadBasic": {
      schemes: { Application: { adminDisplayName: "", adminDescription: "" } },
      pathSets: [],
    },
  },
};

test("deriveGraphAppPermissions keeps Application permissions and product paths only, lower-cased", () => {
  const derived = deriveGraphAppPermissions(graphFixture);
  assert.deepEqual(Object.keys(derived.permissions), [
    "Application.ReadWrite.OwnedBy",
    "Calendars.ReadBasic",
    "DeviceManagementServiceConfig.Read.All",
    "LicenseAssignment.Read.All",
    "User.ReadBasic.All",
    "User.ReadWrite.All",
  ]);
  assert.deepEqual(Object.keys(derived.paths), [
    "GET /organization",
    "GET /subscribedskus",
    "GET /users",
    "GET /users/{id}",
    "PATCH /users",
    "PATCH /users/{id}",
    "POST /applications/{id}/owners",
  ]);
  assert.deepEqual(derived.permissions["User.ReadWrite.All"], {
    displayName: "Read and write all users",
    description: "Read and write all users, without a signed-in user.",
    privilegeLevel: 4,
  });
  assert.equal(derived.permissions["Calendars.ReadBasic"]?.displayName, "Calendars.ReadBasic");
  assert.equal(derived.permissions["Calendars.ReadBasic"]?.privilegeLevel, undefined);
});

test("deriveGraphAppPermissions merges case variants and reads least markers for Application only", () => {
  const { paths } = deriveGraphAppPermissions(graphFixture);
  assert.deepEqual(paths["GET /subscribedskus"], { accepted: ["LicenseAssignment.Read.All"], least: ["LicenseAssignment.Read.All"] });
  assert.deepEqual(paths["PATCH /users/{id}"], { accepted: ["User.ReadWrite.All"], least: [] });
  assert.deepEqual(paths["PATCH /users"]?.least, ["User.ReadWrite.All"]);
});

test("deriveGraphAppPermissions drops a write permission marked least next to a read one on GET, and says so", () => {
  assert.deepEqual(deriveGraphAppPermissions(graphFixture).paths["GET /users"], {
    accepted: ["User.ReadBasic.All", "User.ReadWrite.All"],
    least: ["User.ReadBasic.All"],
    sourceLeast: ["User.ReadBasic.All", "User.ReadWrite.All"],
  });
});

test("deriveGraphAppPermissions applies path corrections and keeps every AlsoRequires companion", () => {
  const { paths } = deriveGraphAppPermissions(graphFixture);
  assert.deepEqual(paths["GET /organization"]?.least, ["Organization.Read.All"]);
  assert.deepEqual(paths["GET /organization"]?.sourceLeast, ["DeviceManagementServiceConfig.Read.All"]);
  assert.deepEqual(paths["POST /applications/{id}/owners"]?.alsoRequires, {
    "Application.ReadWrite.OwnedBy": ["Directory.Read.All", "User.Read.All"],
  });
});

test("chooseLeast only prefers reads for GET", () => {
  assert.deepEqual(chooseLeast("GET /x", ["A.ReadWrite.All", "A.Read.All"]), ["A.Read.All"]);
  assert.deepEqual(chooseLeast("POST /x", ["A.ReadWrite.All", "B.Read.All"]), ["A.ReadWrite.All", "B.Read.All"]);
  assert.deepEqual(chooseLeast("GET /x", ["A.ReadWrite.All"]), ["A.ReadWrite.All"]);
});

test("parsePathAnnotation splits least schemes and AlsoRequires", () => {
  assert.deepEqual(parsePathAnnotation("least=DelegatedWork,Application;AlsoRequires=A.Read.All,B.Read.All"), {
    leastSchemes: ["DelegatedWork", "Application"],
    alsoRequires: ["A.Read.All", "B.Read.All"],
  });
  assert.deepEqual(parsePathAnnotation(""), { leastSchemes: [], alsoRequires: [] });
});

test("deriveGraphAppRoleIds keeps public, well-formed Application ids only", () => {
  const derived = deriveGraphAppRoleIds(
    {
      permissionDeployments: {
        "A.Read.All": [
          { id: "AAAAAAAA-0000-0000-0000-000000000001", scheme: "Application", environment: "PPE;public" },
          { id: "aaaaaaaa-0000-0000-0000-000000000002", scheme: "DelegatedWork", environment: "public" },
        ],
        "B.Read.All": [{ id: "bbbbbbbb-0000-0000-0000-000000000001", scheme: "Application", environment: "PPE" }],
        "C.Read.All": [{ id: "", scheme: "Application", environment: "public" }],
        "D.Read.All": [{ id: "dddddddd0-0000-0000-0000-000000000001", scheme: "Application", environment: "public" }],
      },
    },
    ["A.Read.All", "B.Read.All", "C.Read.All", "D.Read.All", "E.Read.All"],
    "fixture",
  );
  assert.deepEqual(derived, { source: "fixture", ids: { "A.Read.All": "aaaaaaaa-0000-0000-0000-000000000001" } });
  assert.throws(() =>
    deriveGraphAppRoleIds(
      {
        permissionDeployments: {
          "A.Read.All": [
            { id: "aaaaaaaa-0000-0000-0000-000000000001", scheme: "Application", environment: "public" },
            { id: "aaaaaaaa-0000-0000-0000-000000000002", scheme: "Application", environment: "public" },
          ],
        },
      },
      ["A.Read.All"],
      "fixture",
    ),
  );
});

const roleFixture = (displayName: string, templateId: string): SourceEntraRole => ({
  displayName,
  templateId,
  description: `${displayName} role`,
  isPrivileged: false,
  actions: [
    { action: "microsoft.directory/users/password/update", privileged: true },
    { action: "microsoft.directory/users/basic/update", privileged: false },
  ],
});

const rolesFixture = [
  roleFixture("User Administrator", "FE930BE7-5E62-47DB-91AF-98C3A49A38B1"),
  roleFixture("Global Administrator", "62e90394-69f5-4237-9190-012177145e10"),
  roleFixture("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"),
];

test("deriveEntraRoles sorts by name, lower-cases ids and splits out privileged actions", () => {
  const roles = deriveEntraRoles(rolesFixture);
  assert.deepEqual(
    roles.map((r) => r.displayName),
    ["Directory Readers", "Global Administrator", "User Administrator"],
  );
  assert.deepEqual(roles[2], {
    displayName: "User Administrator",
    templateId: "fe930be7-5e62-47db-91af-98c3a49a38b1",
    description: "User Administrator role",
    isPrivileged: false,
    actions: ["microsoft.directory/users/basic/update", "microsoft.directory/users/password/update"],
    privilegedActions: ["microsoft.directory/users/password/update"],
  });
});

const rulesFixture = (globalCell: boolean | string): SourceEntraRoleRules => {
  const table = {
    columns: ["User Admin", "Global Admin"],
    rows: [
      { targetRole: "Directory Readers", allowed: { "User Admin": true, "Global Admin": true } },
      { targetRole: "Global Admin", allowed: { "User Admin": false, "Global Admin": globalCell } },
      { targetRole: "User (no admin role)", allowed: { "User Admin": true, "Global Admin": true } },
      { targetRole: "All other built-in and custom roles", allowed: { "User Admin": false, "Global Admin": true } },
    ],
  };
  return {
    source: "fixture.md@1",
    whoCanResetPasswords: table,
    whoCanPerformSensitiveActions: table,
    sensitiveProperties: ["accountEnabled"],
    sensitiveActions: [{ sensitiveAction: "Delete or restore users", sensitivePropertyName: null }],
    passwordResetSensitiveProperties: ["mobilePhone"],
    columnAbbreviations: { "User Admin": "User Administrator", "Global Admin": "Global Administrator" },
  };
};

test("deriveEntraRoleRules maps abbreviations to template ids, special rows to categories, 'true*' to allowed", () => {
  const rules = deriveEntraRoleRules(rulesFixture("true* (footnote)"), deriveEntraRoles(rolesFixture));
  const userAdmin = "fe930be7-5e62-47db-91af-98c3a49a38b1";
  const globalAdmin = "62e90394-69f5-4237-9190-012177145e10";
  assert.deepEqual(rules.whoCanResetPasswords, {
    actors: [userAdmin, globalAdmin],
    targets: [
      { row: "Directory Readers", templateId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", allowed: [globalAdmin, userAdmin] },
      { row: "Global Admin", templateId: globalAdmin, allowed: [globalAdmin] },
      { row: "User (no admin role)", category: "noAdminRole", allowed: [globalAdmin, userAdmin] },
      { row: "All other built-in and custom roles", category: "allOtherRoles", allowed: [globalAdmin] },
    ],
  });
  assert.deepEqual(rules.sensitiveActions, [{ action: "Delete or restore users", property: null }]);
});

test("deriveEntraRoleRules refuses unknown cells and unknown role names", () => {
  const roles = deriveEntraRoles(rolesFixture);
  assert.throws(() => deriveEntraRoleRules(rulesFixture("maybe"), roles), /unexpected cell/);
  const unknownRow = rulesFixture(true);
  unknownRow.whoCanResetPasswords.rows.push({ targetRole: "Nobody Admin", allowed: { "User Admin": true, "Global Admin": true } });
  assert.throws(() => deriveEntraRoleRules(unknownRow, roles), /no built-in role named "Nobody Admin"/);
});

test("deriveLicensingSkus drops exact duplicates, keeps same part number with another GUID, sorts", () => {
  const plan = { servicePlanName: "EXCHANGE_S_STANDARD", servicePlanId: "9AAF7827-D63C-4B61-89C3-182F06F82E5C", friendlyName: "Exchange" };
  const product = (skuId: string) => ({ productName: "Calling", skuPartNumber: "MCOPSTN5", skuId, servicePlans: [plan, plan] });
  const derived = deriveLicensingSkus({
    source: "doc.md@1",
    updated: "today",
    products: [
      product("22222222-0000-0000-0000-000000000000"),
      { productName: "Audit", skuPartNumber: "10_ALR_ADDON", skuId: "33333333-0000-0000-0000-000000000000", servicePlans: [] },
      product("11111111-0000-0000-0000-000000000000"),
      product("22222222-0000-0000-0000-000000000000"),
    ],
  });
  assert.deepEqual(
    derived.products.map((p) => [p.skuPartNumber, p.skuId]),
    [
      ["10_ALR_ADDON", "33333333-0000-0000-0000-000000000000"],
      ["MCOPSTN5", "11111111-0000-0000-0000-000000000000"],
      ["MCOPSTN5", "22222222-0000-0000-0000-000000000000"],
    ],
  );
  assert.deepEqual(derived.products[1]?.servicePlans, [{ ...plan, servicePlanId: "9aaf7827-d63c-4b61-89c3-182f06f82e5c" }]);
});

test("toJsonText pretty-prints the outer levels and keeps deeper records on one line", () => {
  assert.equal(toJsonText({ a: { b: [1, 2] }, c: undefined }, 2), '{\n  "a": {\n    "b": [1,2]\n  }\n}\n');
  assert.equal(toJsonText([{ x: 1 }], 1), '[\n  {"x":1}\n]\n');
});
