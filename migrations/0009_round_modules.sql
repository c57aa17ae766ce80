-- maturity_answers and the three connection_ tables are WITHOUT ROWID (hand-edited): SQLite's
-- hidden row number would otherwise record the order in which rows were written.
CREATE TABLE `maturity_answers` (
	`response_id` text NOT NULL,
	`round_id` text NOT NULL,
	`dimension` text NOT NULL,
	`current` integer,
	`target` integer,
	PRIMARY KEY(`response_id`, `dimension`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `maturity_answers_round_idx` ON `maturity_answers` (`round_id`,`dimension`);--> statement-breakpoint
CREATE TABLE `connection_levels` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`from_organisation_id` text NOT NULL,
	`to_organisation_id` text NOT NULL,
	`level` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `connection_levels_round_idx` ON `connection_levels` (`round_id`);--> statement-breakpoint
CREATE TABLE `connection_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`trust` integer,
	`value` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `connection_ratings_round_idx` ON `connection_ratings` (`round_id`);--> statement-breakpoint
CREATE TABLE `connection_records` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`organisation_id` text,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `connection_records_round_idx` ON `connection_records` (`round_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_network_name_idx` ON `organisations` (`network_id`,`name`);--> statement-breakpoint
CREATE TABLE `round_organisations` (
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	PRIMARY KEY(`round_id`, `organisation_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_organisations_position_idx` ON `round_organisations` (`round_id`,`position`);--> statement-breakpoint
ALTER TABLE `rounds` ADD `modules` text DEFAULT '[]' NOT NULL;