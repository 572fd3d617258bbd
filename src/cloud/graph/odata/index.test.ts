import assert from "node:assert/strict";
import { test } from "node:test";
import * as odata from "./index.ts";

test("index exposes the query-option API end to end", () => {
  const users = [
    { id: "1", displayName: "Adele Vance", userPrincipalName: "adele@contoso.com", accountEnabled: true },
    { id: "2", displayName: "Alex Wilber", userPrincipalName: "alex@contoso.com", accountEnabled: true },
    { id: "3", displayName: "Allan Deyoung", userPrincipalName: "allan@contoso.com", accountEnabled: false },
  ];
  const filter = odata.parseFilter("startswith(displayName,'a') and accountEnabled eq true");
  const orderBy = odata.parseOrderBy("displayName desc");
  odata.checkQueryRules("users", { filter, orderBy, count: true, consistencyEventual: true });
  const page = users
    .filter(odata.compileFilter(filter, odata.readIgnoringCase))
    .sort(odata.compareBy(orderBy, odata.readIgnoringCase))
    .slice(0, odata.parseTop("1"))
    .map((user) => odata.applySelect(user, odata.parseSelect("id,displayName", new Set(odata.USER_PROPERTY_NAMES)), odata.USER_DEFAULT_PROPERTIES));
  assert.deepEqual(page, [{ id: "2", displayName: "Alex Wilber" }]);
  assert.deepEqual(odata.decodeSkipToken(odata.encodeSkipToken({ next: 1 })), { next: 1 });
  assert.throws(() => odata.parseFilter("bad bad bad"), odata.ODataQueryError);
});
