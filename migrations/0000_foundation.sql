-- responses, answers and comments are WITHOUT ROWID: SQLite's hidden row number would otherwise
-- record the order of submission and link a comment to the answers stored beside it.
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`round_id` text NOT NULL,
	`title` text NOT NULL,
	`owner` text,
	`due` text,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actions_network_round_idx` ON `actions` (`network_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`response_id` text NOT NULL,
	`round_id` text NOT NULL,
	`item_code` text NOT NULL,
	`value` integer NOT NULL CHECK (`value` BETWEEN 0 AND 5),
	PRIMARY KEY(`response_id`, `item_code`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `answers_round_item_value_idx` ON `answers` (`round_id`,`item_code`,`value`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_on` text,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target_type`,`target_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`theme` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `comments_round_theme_idx` ON `comments` (`round_id`,`theme`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`invitation_id` text PRIMARY KEY NOT NULL,
	`sealed` blob NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `grants` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grants_network_user_idx` ON `grants` (`network_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `grants_user_idx` ON `grants` (`user_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`member_id` text,
	`token_hash` text NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_round_member_idx` ON `invitations` (`round_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`organisation` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `members_network_idx` ON `members` (`network_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_network_email_idx` ON `members` (`network_id`,`email`) WHERE "members"."email" is not null;--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`stage` text DEFAULT 'forming' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_cache` (
	`round_id` text NOT NULL,
	`lang` text NOT NULL,
	`key` text NOT NULL,
	`pdf` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `lang`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`submitted_on` text NOT NULL,
	`overall` integer,
	`trend` text,
	`involvement` text,
	`organisation_type` text,
	`professional_group` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `responses_round_idx` ON `responses` (`round_id`,`submitted_on`);--> statement-breakpoint
CREATE TABLE `round_results` (
	`round_id` text PRIMARY KEY NOT NULL,
	`published` text NOT NULL,
	`summary` text NOT NULL,
	`computed_at` integer NOT NULL,
	`scores` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`title` text NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`access` text DEFAULT 'invite' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`min_responses` integer DEFAULT 5 NOT NULL,
	`closes_at` integer,
	`opened_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`open_slug` text,
	`mirror_slug` text,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_open_slug_unique` ON `rounds` (`open_slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_mirror_slug_unique` ON `rounds` (`mirror_slug`);--> statement-breakpoint
CREATE INDEX `rounds_network_idx` ON `rounds` (`network_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `rounds_status_closes_idx` ON `rounds` (`status`,`closes_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);