DROP INDEX `responses_round_idx`;--> statement-breakpoint
CREATE INDEX `responses_round_idx` ON `responses` (`round_id`);--> statement-breakpoint
ALTER TABLE `responses` DROP COLUMN `submitted_on`;