ALTER TABLE `api_tokens` ADD `expires_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written data fix (keep apart from the generated statement above): tokens made before
-- expiry existed get the default lifetime, 90 days from now (the migration's time), in ms.
UPDATE `api_tokens` SET `expires_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + 90 * 86400000;
