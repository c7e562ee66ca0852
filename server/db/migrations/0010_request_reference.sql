CREATE TABLE "request_reference_counter" (
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "request_reference_counter_municipality_id_year_pk" PRIMARY KEY("municipality_id","year")
);
--> statement-breakpoint
ALTER TABLE "request_reference_counter" ADD CONSTRAINT "request_reference_counter_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request" ADD COLUMN "reference" text;--> statement-breakpoint
-- Existing requests get their reference in the order they were submitted: per municipality and year of submission
-- (in the Netherlands), numbered from 1. The prefix is the municipality's setting, else the first three letters of
-- its slug in capitals; numbers below 10000 have four digits.
WITH numbered AS (
	SELECT r.id, r.municipality_id,
		extract(year FROM r.created_at AT TIME ZONE 'Europe/Amsterdam')::int AS year,
		row_number() OVER (PARTITION BY r.municipality_id, extract(year FROM r.created_at AT TIME ZONE 'Europe/Amsterdam') ORDER BY r.created_at, r.id) AS number,
		coalesce(nullif(m.settings -> 'requests' ->> 'referencePrefix', ''), upper(left(regexp_replace(m.slug, '[^a-zA-Z]', '', 'g'), 3))) AS prefix
	FROM "request" r JOIN "municipality" m ON m.id = r.municipality_id
)
UPDATE "request" SET "reference" = numbered.prefix || '-' || numbered.year || '-' || CASE WHEN numbered.number < 10000 THEN lpad(numbered.number::text, 4, '0') ELSE numbered.number::text END
FROM numbered WHERE numbered.id = "request".id;--> statement-breakpoint
INSERT INTO "request_reference_counter" ("municipality_id", "year", "last_number")
SELECT municipality_id, extract(year FROM created_at AT TIME ZONE 'Europe/Amsterdam')::int, count(*)::int
FROM "request" GROUP BY municipality_id, extract(year FROM created_at AT TIME ZONE 'Europe/Amsterdam');--> statement-breakpoint
ALTER TABLE "request" ALTER COLUMN "reference" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "request_reference_idx" ON "request" USING btree ("municipality_id","reference");--> statement-breakpoint
CREATE INDEX "request_contributing_departments_idx" ON "request" USING gin ("contributing_department_ids");
