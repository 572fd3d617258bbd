import { Title2 } from "@fluentui/react-components";

export default function OverviewPage() {
  return <Title2 as="h1">Tenants</Title2>;
}
