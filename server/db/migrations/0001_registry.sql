CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"is_border" boolean DEFAULT false NOT NULL,
	"is_coastal" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "former_communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"district_name" text NOT NULL,
	"commune_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"commune_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "former_communes" ADD CONSTRAINT "former_communes_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "former_communes_commune_code_idx" ON "former_communes" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "queues_commune_code_idx" ON "queues" USING btree ("commune_code");