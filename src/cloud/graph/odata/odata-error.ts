/** An OData query option Graph would refuse, carrying the HTTP status and Graph's error code and message. */
export class ODataQueryError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ODataQueryError";
    this.status = status;
    this.code = code;
  }
}
