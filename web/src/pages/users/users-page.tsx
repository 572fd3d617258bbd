import { Title2 } from "@fluentui/react-components";

export default function UsersPage() {
  return <Title2 as="h1">Users</Title2>;
}
