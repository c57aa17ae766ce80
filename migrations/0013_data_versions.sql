CREATE TABLE `data_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written below: the portfolio's counter and the triggers that raise it. The portfolio
-- (src/portfolio/service.ts) is worked out from networks, grants, closed rounds and round_figures;
-- any change to those raises the counter, and a cached portfolio older than it is worked out again.
INSERT INTO `data_versions` (`name`, `version`) VALUES ('portfolio', 0);
--> statement-breakpoint
CREATE TRIGGER `portfolio_networks_insert` AFTER INSERT ON `networks` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_networks_update` AFTER UPDATE ON `networks` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_networks_delete` AFTER DELETE ON `networks` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_grants_insert` AFTER INSERT ON `grants` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_grants_update` AFTER UPDATE ON `grants` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_grants_delete` AFTER DELETE ON `grants` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_round_figures_insert` AFTER INSERT ON `round_figures` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_round_figures_update` AFTER UPDATE ON `round_figures` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_round_figures_delete` AFTER DELETE ON `round_figures` BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_rounds_insert` AFTER INSERT ON `rounds` WHEN new.status = 'closed' BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_rounds_update` AFTER UPDATE ON `rounds` WHEN old.status = 'closed' OR new.status = 'closed' BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_rounds_delete` AFTER DELETE ON `rounds` WHEN old.status = 'closed' BEGIN UPDATE data_versions SET version = version + 1 WHERE name = 'portfolio'; END;
