CREATE TABLE `portfolios` (
	`user_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`benchmark` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `round_benchmarks` (
	`round_id` text PRIMARY KEY NOT NULL,
	`portfolio_name` text NOT NULL,
	`networks` integer NOT NULL,
	`themes` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `round_figures` (
	`round_id` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL,
	`response_rate` real,
	`confidence` text NOT NULL,
	`suppressed` integer NOT NULL,
	`overall_score` real,
	`overall_sd` real,
	`overall_n` integer DEFAULT 0 NOT NULL,
	`overall_delta` real,
	`overall_notable` integer DEFAULT false NOT NULL,
	`purpose_score` real,
	`purpose_sd` real,
	`purpose_n` integer DEFAULT 0 NOT NULL,
	`purpose_delta` real,
	`purpose_notable` integer DEFAULT false NOT NULL,
	`relationships_score` real,
	`relationships_sd` real,
	`relationships_n` integer DEFAULT 0 NOT NULL,
	`relationships_delta` real,
	`relationships_notable` integer DEFAULT false NOT NULL,
	`communication_score` real,
	`communication_sd` real,
	`communication_n` integer DEFAULT 0 NOT NULL,
	`communication_delta` real,
	`communication_notable` integer DEFAULT false NOT NULL,
	`governance_score` real,
	`governance_sd` real,
	`governance_n` integer DEFAULT 0 NOT NULL,
	`governance_delta` real,
	`governance_notable` integer DEFAULT false NOT NULL,
	`value_score` real,
	`value_sd` real,
	`value_n` integer DEFAULT 0 NOT NULL,
	`value_delta` real,
	`value_notable` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
