// "What may this operator do?": the policy's answer for an operator, a tenant, an action and maybe a target.
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { checkAnswerSchema, checkBody } from "../../../src/api/access-schemas.ts";
import { api } from "./api-client.ts";

export type AccessCheckRequest = z.input<typeof checkBody>;
export type AccessCheckAnswer = z.infer<typeof checkAnswerSchema>;

export function useAccessCheck() {
  return useMutation({ mutationFn: (request: AccessCheckRequest) => api<AccessCheckAnswer>("POST", "/api/access/check", { body: request }) });
}
