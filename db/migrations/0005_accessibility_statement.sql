ALTER TABLE "site_settings" ADD COLUMN "accessibility" jsonb;--> statement-breakpoint
ALTER TABLE "site_settings" DROP COLUMN "accessibility_statement";--> statement-breakpoint
ALTER TABLE "site_settings" DROP COLUMN "accessibility_assessed_on";