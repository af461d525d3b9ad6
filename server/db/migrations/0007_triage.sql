CREATE TABLE "tip_links" (
	"tip_id" bigint NOT NULL,
	"linked_tip_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tip_links_tip_id_linked_tip_id_pk" PRIMARY KEY("tip_id","linked_tip_id")
);
--> statement-breakpoint
CREATE TABLE "tip_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tip_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tip_id" bigint NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"key_id" text NOT NULL,
	"text_sealed" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_tags" (
	"tip_id" bigint NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "tip_tags_tip_id_tag_pk" PRIMARY KEY("tip_id","tag")
);
--> statement-breakpoint
ALTER TABLE "tip_messages" ADD COLUMN "author_user_id" uuid;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "assigned_user_id" uuid;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "first_action_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tip_links" ADD CONSTRAINT "tip_links_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_links" ADD CONSTRAINT "tip_links_linked_tip_id_tips_id_fk" FOREIGN KEY ("linked_tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_links" ADD CONSTRAINT "tip_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_notes" ADD CONSTRAINT "tip_notes_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_notes" ADD CONSTRAINT "tip_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_tags" ADD CONSTRAINT "tip_tags_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_links_linked_idx" ON "tip_links" USING btree ("linked_tip_id");--> statement-breakpoint
CREATE INDEX "tip_notes_tip_idx" ON "tip_notes" USING btree ("tip_id","created_at");--> statement-breakpoint
CREATE INDEX "tip_tags_tag_idx" ON "tip_tags" USING btree ("tag");--> statement-breakpoint
ALTER TABLE "tip_messages" ADD CONSTRAINT "tip_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tips_closed_at_idx" ON "tips" USING btree ("closed_at");