CREATE TABLE `round_network_maps` (
	`round_id` text PRIMARY KEY NOT NULL,
	`map` text NOT NULL,
	`change` text,
	`computed_at` integer NOT NULL,
	`format` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
