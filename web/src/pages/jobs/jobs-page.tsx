import { Title2 } from "@fluentui/react-components";

export default function JobsPage(_: { readonly jobId?: string }) {
  return <Title2 as="h1">Bulk jobs</Title2>;
}
