CREATE TABLE "routing_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "routing_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category" text NOT NULL,
	"commune_tag" text,
	"owner_queue" text NOT NULL,
	"copy_queues" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "routing_rules_category_tag_key" UNIQUE NULLS NOT DISTINCT("category","commune_tag")
);
--> statement-breakpoint
CREATE TABLE "tip_copies" (
	"tip_id" bigint NOT NULL,
	"queue_code" text NOT NULL,
	CONSTRAINT "tip_copies_tip_id_queue_code_pk" PRIMARY KEY("tip_id","queue_code")
);
--> statement-breakpoint
CREATE TABLE "tip_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tip_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tip_id" bigint NOT NULL,
	"author" text NOT NULL,
	"key_id" text NOT NULL,
	"text_sealed" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_photos" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tip_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tip_id" bigint NOT NULL,
	"message_id" bigint,
	"key_id" text NOT NULL,
	"image_sealed" "bytea",
	"media_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"original_sha256" text NOT NULL,
	"removed_metadata" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tips_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"receipt_hash" text NOT NULL,
	"category" text NOT NULL,
	"commune_code" text,
	"observed_on" date,
	"key_id" text NOT NULL,
	"description_sealed" "bytea",
	"place_sealed" "bytea",
	"place_fingerprint" text,
	"avoid_commune_police" boolean DEFAULT false NOT NULL,
	"captcha_status" text NOT NULL,
	"status" text DEFAULT 'moi' NOT NULL,
	"owner_queue_code" text NOT NULL,
	"routing_reason" text NOT NULL,
	"photo_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purged_at" timestamp with time zone,
	CONSTRAINT "tips_receipt_hash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
ALTER TABLE "tip_copies" ADD CONSTRAINT "tip_copies_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_copies" ADD CONSTRAINT "tip_copies_queue_code_queues_code_fk" FOREIGN KEY ("queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_messages" ADD CONSTRAINT "tip_messages_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_photos" ADD CONSTRAINT "tip_photos_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_photos" ADD CONSTRAINT "tip_photos_message_id_tip_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."tip_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_owner_queue_code_queues_code_fk" FOREIGN KEY ("owner_queue_code") REFERENCES "public"."queues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_copies_queue_idx" ON "tip_copies" USING btree ("queue_code");--> statement-breakpoint
CREATE INDEX "tip_messages_tip_idx" ON "tip_messages" USING btree ("tip_id","created_at");--> statement-breakpoint
CREATE INDEX "tip_photos_tip_idx" ON "tip_photos" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tips_owner_status_created_idx" ON "tips" USING btree ("owner_queue_code","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tips_place_fingerprint_idx" ON "tips" USING btree ("place_fingerprint");--> statement-breakpoint
CREATE INDEX "tips_commune_category_created_idx" ON "tips" USING btree ("commune_code","category","created_at");