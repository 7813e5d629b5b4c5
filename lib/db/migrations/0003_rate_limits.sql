CREATE TABLE "rate_limits" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"refilled_at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_refilled_at_idx" ON "rate_limits" USING btree ("refilled_at_ms");