CREATE TABLE `daily_submissions` (
	`round_id` text NOT NULL,
	`day` text NOT NULL,
	`submitted` integer NOT NULL,
	PRIMARY KEY(`round_id`, `day`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pending_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`sealed` blob NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_responses_round_idx` ON `pending_responses` (`round_id`);--> statement-breakpoint
-- Hand-written (issue 10 §1): existing rows brought under the new storage rules. It reads
-- `submitted_on`, which migration 0007 drops, so it must stay here, before that one.
-- 1. The progress chart's counts per day, from the day each response was stored.
INSERT INTO `daily_submissions` (`round_id`, `day`, `submitted`)
  SELECT `round_id`, `submitted_on`, count(*) FROM `responses` GROUP BY `round_id`, `submitted_on`;--> statement-breakpoint
-- 2. A round that closed below its threshold keeps only its counts (above, and in its frozen
-- results): nothing of it can ever be shown, so nothing of it stays on disk.
CREATE TEMP TABLE `too_small` AS SELECT r.`id` FROM `rounds` r WHERE r.`status` = 'closed'
  AND (SELECT count(*) FROM `responses` x WHERE x.`round_id` = r.`id`) < r.`min_responses`;--> statement-breakpoint
DELETE FROM `answers` WHERE `round_id` IN (SELECT `id` FROM `too_small`);--> statement-breakpoint
DELETE FROM `comments` WHERE `round_id` IN (SELECT `id` FROM `too_small`);--> statement-breakpoint
DELETE FROM `responses` WHERE `round_id` IN (SELECT `id` FROM `too_small`);--> statement-breakpoint
DROP TABLE `too_small`;--> statement-breakpoint
-- 3. Rows written one submission at a time sit in pages in the order they came. Copy them out,
-- delete them and write them back, each table in its own random order, so that physical order
-- carries nothing (the start-up after this migration VACUUMs; see openDatabase).
CREATE TEMP TABLE `old_responses` AS SELECT * FROM `responses`;--> statement-breakpoint
CREATE TEMP TABLE `old_answers` AS SELECT * FROM `answers`;--> statement-breakpoint
CREATE TEMP TABLE `old_comments` AS SELECT * FROM `comments`;--> statement-breakpoint
DELETE FROM `answers`;--> statement-breakpoint
DELETE FROM `comments`;--> statement-breakpoint
DELETE FROM `responses`;--> statement-breakpoint
INSERT INTO `responses` SELECT * FROM `old_responses` ORDER BY random();--> statement-breakpoint
INSERT INTO `answers` SELECT * FROM `old_answers` ORDER BY random();--> statement-breakpoint
INSERT INTO `comments` SELECT * FROM `old_comments` ORDER BY random();--> statement-breakpoint
DROP TABLE `old_responses`;--> statement-breakpoint
DROP TABLE `old_answers`;--> statement-breakpoint
DROP TABLE `old_comments`;
