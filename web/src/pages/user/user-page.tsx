import { Title2 } from "@fluentui/react-components";

export default function UserPage(_: { readonly tenant: string; readonly user: string }) {
  return <Title2 as="h1">User</Title2>;
}
