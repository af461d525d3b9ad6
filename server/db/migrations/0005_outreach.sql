CREATE TABLE "outreach_agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"plan_item" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_session_units" (
	"session_id" text NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"recorded_code" text NOT NULL,
	"held_on" date NOT NULL,
	"counted" boolean NOT NULL,
	CONSTRAINT "outreach_session_units_session_id_unit_kind_unit_code_pk" PRIMARY KEY("session_id","unit_kind","unit_code")
);
--> statement-breakpoint
CREATE TABLE "outreach_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"agency_code" text NOT NULL,
	"audience" integer NOT NULL,
	"kit_slug" text,
	"notes" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"reporter_name" text DEFAULT '' NOT NULL,
	"reporter_contact" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"covers_from" date NOT NULL,
	"covers_to" date NOT NULL,
	"due_before" date NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" text
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"commune_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "deactivated_on" date;--> statement-breakpoint
ALTER TABLE "outreach_evidence" ADD CONSTRAINT "outreach_evidence_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_session_units" ADD CONSTRAINT "outreach_session_units_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_agency_code_outreach_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."outreach_agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_evidence_session_idx" ON "outreach_evidence" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "outreach_session_units_counted_idx" ON "outreach_session_units" USING btree ("held_on","unit_kind","unit_code") WHERE counted;--> statement-breakpoint
CREATE INDEX "outreach_session_units_unit_idx" ON "outreach_session_units" USING btree ("unit_kind","unit_code","held_on");--> statement-breakpoint
CREATE INDEX "outreach_sessions_status_idx" ON "outreach_sessions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "outreach_sessions_approved_idx" ON "outreach_sessions" USING btree ("held_on","form","audience") WHERE status = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_year_kind_idx" ON "report_periods" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "schools_commune_code_idx" ON "schools" USING btree ("commune_code");