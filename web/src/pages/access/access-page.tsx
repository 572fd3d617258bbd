import { Title2 } from "@fluentui/react-components";

export default function AccessPage() {
  return <Title2 as="h1">Operators and roles</Title2>;
}
