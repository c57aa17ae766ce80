ALTER TABLE `actions` ADD `closed_at` integer;--> statement-breakpoint
-- Data fix (hand-written, keep at the end): actions already done or dropped were closed at their last update.
UPDATE `actions` SET `closed_at` = `updated_at` WHERE `status` IN ('done', 'dropped');
