CREATE TABLE "outreach_form_month_stats" (
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"form" text NOT NULL,
	"sessions" integer NOT NULL,
	"audience" integer NOT NULL,
	CONSTRAINT "outreach_form_month_stats_year_month_form_pk" PRIMARY KEY("year","month","form")
);
--> statement-breakpoint
CREATE TABLE "outreach_unit_year_stats" (
	"year" integer NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"sessions" integer NOT NULL,
	"first_on" date NOT NULL,
	CONSTRAINT "outreach_unit_year_stats_year_unit_kind_unit_code_pk" PRIMARY KEY("year","unit_kind","unit_code")
);
