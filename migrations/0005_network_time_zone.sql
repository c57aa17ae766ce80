ALTER TABLE `networks` ADD `time_zone` text DEFAULT 'Europe/London' NOT NULL;--> statement-breakpoint
-- Data fix (hand-written, keep at the end): a network has no language of its own, so an existing
-- network takes the default of the language of its latest round: Dutch → Europe/Amsterdam.
UPDATE `networks` SET `time_zone` = 'Europe/Amsterdam'
WHERE (SELECT `language` FROM `rounds` WHERE `rounds`.`network_id` = `networks`.`id` ORDER BY `created_at` DESC LIMIT 1) = 'nl';
