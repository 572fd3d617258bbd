import { Title2 } from "@fluentui/react-components";

export default function AuditPage() {
  return <Title2 as="h1">Audit log</Title2>;
}
