ALTER TABLE `rounds` ADD `open_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_open_code_unique` ON `rounds` (`open_code`);--> statement-breakpoint
-- Hand-written data fix (keep apart from the generated statements above when regenerating):
-- every open-access round made before codes gets one, 8 characters from the alphabet of
-- src/rounds/open-code.ts (no 0/O, 1/I/l, U), drawn from SQLite's random() (seeded by the OS).
-- Its old open_slug stays, so links and posters already handed out keep working.
UPDATE `rounds` SET `open_code` =
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1) ||
  substr('23456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 30) + 1, 1)
WHERE `access` = 'open' AND `open_code` IS NULL;
