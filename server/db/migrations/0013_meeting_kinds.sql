CREATE TABLE "meeting_kind" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"purpose_nl" text NOT NULL,
	"purpose_en" text NOT NULL,
	"expected_result_nl" text NOT NULL,
	"expected_result_en" text NOT NULL,
	"initiators" text[] NOT NULL,
	"chair_rule" text NOT NULL,
	"required_participants" text[] NOT NULL,
	"optional_participants" text[] NOT NULL,
	"character" text NOT NULL,
	"frequency_rule" text NOT NULL,
	"frequency_value" integer,
	"counts_toward_structure" boolean NOT NULL,
	"takes_place_in_neighbourhood" boolean NOT NULL,
	"needs_dossiers" boolean NOT NULL,
	"minutes_due_working_days" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_kind_tenant_key" UNIQUE("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "meeting_kind" ADD CONSTRAINT "meeting_kind_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_kind_code_key" ON "meeting_kind" USING btree ("municipality_id","code");--> statement-breakpoint
-- Every existing municipality gets the note's five kinds of meeting (§3.2), as a new one does.
INSERT INTO "meeting_kind" ("municipality_id", "code", "name_nl", "name_en", "purpose_nl", "purpose_en", "expected_result_nl", "expected_result_en", "initiators", "chair_rule", "required_participants", "optional_participants", "character", "frequency_rule", "frequency_value", "counts_toward_structure", "takes_place_in_neighbourhood", "needs_dossiers", "minutes_due_working_days", "sort_order")
SELECT m."id", k.* FROM "municipality" m CROSS JOIN (VALUES
('wijktafel', 'Wijktafel', 'Neighbourhood table (wijktafel)', 'Vooruitkijken: de belangrijkste opgaven van de wijk benoemen en de extra inzet van wijkorgaan, partners en gemeente daarop afstemmen.', 'Looking ahead: naming the neighbourhood’s main challenges and agreeing the extra effort of the council, partners and municipality.', 'Het wijkactieplan: de opgaven van de wijk en de afspraken over de extra inzet van wijkorgaan, partners en gemeente.', 'The neighbourhood action plan: the neighbourhood’s challenges and the agreements on the extra effort of the council, partners and municipality.', ARRAY['municipality']::text[], 'neighbourhood_policy_alderman', ARRAY['college', 'council', 'partners', 'advisor', 'officers']::text[], ARRAY['residents']::text[], 'closed_with_public_closing', 'every_years', 2, true, false, false, NULL, 0),
('wijkwerkoverleg', 'Wijkwerkoverleg', 'Neighbourhood work meeting (wijkwerkoverleg)', 'Eén of meer actuele dossiers die de wijk bezighouden grondig en open met het wijkorgaan bespreken.', 'Discussing one or more current dossiers that concern the neighbourhood thoroughly and openly with the council.', 'Meer inzicht in en duidelijkheid over de dossiers; het verslag maakt de betrokken vakambtenaar.', 'More insight into and clarity about the dossiers; the officer involved writes the minutes.', ARRAY['council', 'municipality']::text[], 'subject_alderman', ARRAY['subject_aldermen', 'council', 'officers', 'partners', 'advisor']::text[], ARRAY['residents']::text[], 'closed_optional_public_part', 'yearly_target', NULL, true, false, true, 10, 1),
('wijkbezoek', 'Wijkbezoek', 'Neighbourhood visit (wijkbezoek)', 'Ontmoeten, informeren en uitwisselen: laagdrempelig contact tussen het college en de wijk.', 'Meeting, informing and exchanging: low-threshold contact between the college and the neighbourhood.', 'De wijk leren kennen door de ogen van wijkbewoners, vrijwilligers en professionals.', 'Getting to know the neighbourhood through the eyes of residents, volunteers and professionals.', ARRAY['council']::text[], 'council', ARRAY['college', 'council', 'residents', 'officers', 'partners', 'advisor']::text[], ARRAY['municipal_council_members']::text[], 'public', 'per_council_term', 1, true, true, false, NULL, 2),
('bilateral', 'Bilateraal overleg', 'Bilateral meeting', 'Rechtstreeks contact tussen het wijkorgaan en de adviseur wijkgericht werken, naast de vaste overleggen.', 'Direct contact between the council and the neighbourhood advisor, beside the fixed meetings.', 'Korte lijnen: vragen en signalen komen snel op de goede plek.', 'Short lines: questions and signals quickly reach the right place.', ARRAY['council', 'municipality']::text[], 'free', ARRAY['council', 'advisor']::text[], ARRAY['officers']::text[], 'closed', 'none', NULL, false, false, false, NULL, 3),
('ad_hoc', 'Ad-hocoverleg', 'Ad-hoc meeting', 'Overleg van het wijkorgaan met de vakwethouder(s) wanneer de situatie daarom vraagt.', 'A meeting of the council with the alderman or aldermen for the subject when the situation calls for it.', 'Afstemming over het onderwerp dat niet kan wachten tot het volgende vaste overleg.', 'Agreement on a subject that cannot wait for the next fixed meeting.', ARRAY['council', 'municipality']::text[], 'free', ARRAY['council']::text[], ARRAY['subject_aldermen', 'college', 'advisor', 'officers', 'partners']::text[], 'closed', 'none', NULL, false, false, false, NULL, 4)
) AS k("code", "name_nl", "name_en", "purpose_nl", "purpose_en", "expected_result_nl", "expected_result_en", "initiators", "chair_rule", "required_participants", "optional_participants", "character", "frequency_rule", "frequency_value", "counts_toward_structure", "takes_place_in_neighbourhood", "needs_dossiers", "minutes_due_working_days", "sort_order")
ON CONFLICT DO NOTHING;
