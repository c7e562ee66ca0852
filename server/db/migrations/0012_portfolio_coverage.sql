CREATE TABLE "portfolio_department" (
	"municipality_id" uuid NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "portfolio_department_portfolio_id_department_id_pk" PRIMARY KEY("portfolio_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_neighbourhood" (
	"municipality_id" uuid NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	CONSTRAINT "portfolio_neighbourhood_portfolio_id_neighbourhood_id_pk" PRIMARY KEY("portfolio_id","neighbourhood_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_theme" (
	"municipality_id" uuid NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "portfolio_theme_portfolio_id_theme_id_pk" PRIMARY KEY("portfolio_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "council_term" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "department" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "partner_organisation" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "portfolio" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "portfolio_department" ADD CONSTRAINT "portfolio_department_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_department" ADD CONSTRAINT "portfolio_department_portfolio_fk" FOREIGN KEY ("municipality_id","portfolio_id") REFERENCES "public"."portfolio"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_department" ADD CONSTRAINT "portfolio_department_department_fk" FOREIGN KEY ("municipality_id","department_id") REFERENCES "public"."department"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_neighbourhood" ADD CONSTRAINT "portfolio_neighbourhood_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_neighbourhood" ADD CONSTRAINT "portfolio_neighbourhood_portfolio_fk" FOREIGN KEY ("municipality_id","portfolio_id") REFERENCES "public"."portfolio"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_neighbourhood" ADD CONSTRAINT "portfolio_neighbourhood_neighbourhood_fk" FOREIGN KEY ("municipality_id","neighbourhood_id") REFERENCES "public"."neighbourhood"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_theme" ADD CONSTRAINT "portfolio_theme_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_theme" ADD CONSTRAINT "portfolio_theme_portfolio_fk" FOREIGN KEY ("municipality_id","portfolio_id") REFERENCES "public"."portfolio"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_theme" ADD CONSTRAINT "portfolio_theme_theme_fk" FOREIGN KEY ("municipality_id","theme_id") REFERENCES "public"."theme"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_department_department_idx" ON "portfolio_department" USING btree ("municipality_id","department_id");--> statement-breakpoint
CREATE INDEX "portfolio_neighbourhood_neighbourhood_idx" ON "portfolio_neighbourhood" USING btree ("municipality_id","neighbourhood_id");--> statement-breakpoint
CREATE INDEX "portfolio_theme_theme_idx" ON "portfolio_theme" USING btree ("municipality_id","theme_id");