ALTER TABLE `responses` ADD `purpose_score` real;--> statement-breakpoint
ALTER TABLE `responses` ADD `relationships_score` real;--> statement-breakpoint
ALTER TABLE `responses` ADD `communication_score` real;--> statement-breakpoint
ALTER TABLE `responses` ADD `governance_score` real;--> statement-breakpoint
ALTER TABLE `responses` ADD `value_score` real;--> statement-breakpoint
-- Responses stored before these columns: each theme score worked out from the answers, as
-- respondentThemeScores does ((mean valid answer − 1) / 4 × 100; 0 is "don't know"). Item codes of
-- core v1, the only instrument so far, start with their theme's code.
UPDATE `responses` SET
  `purpose_score` = (SELECT (avg(`value`) - 1) / 4.0 * 100 FROM `answers` a WHERE a.`response_id` = `responses`.`id` AND a.`item_code` LIKE 'purpose.%' AND a.`value` BETWEEN 1 AND 5),
  `relationships_score` = (SELECT (avg(`value`) - 1) / 4.0 * 100 FROM `answers` a WHERE a.`response_id` = `responses`.`id` AND a.`item_code` LIKE 'relationships.%' AND a.`value` BETWEEN 1 AND 5),
  `communication_score` = (SELECT (avg(`value`) - 1) / 4.0 * 100 FROM `answers` a WHERE a.`response_id` = `responses`.`id` AND a.`item_code` LIKE 'communication.%' AND a.`value` BETWEEN 1 AND 5),
  `governance_score` = (SELECT (avg(`value`) - 1) / 4.0 * 100 FROM `answers` a WHERE a.`response_id` = `responses`.`id` AND a.`item_code` LIKE 'governance.%' AND a.`value` BETWEEN 1 AND 5),
  `value_score` = (SELECT (avg(`value`) - 1) / 4.0 * 100 FROM `answers` a WHERE a.`response_id` = `responses`.`id` AND a.`item_code` LIKE 'value.%' AND a.`value` BETWEEN 1 AND 5);--> statement-breakpoint
-- Frozen results no longer keep every respondent's score: Welch's test needs only the n, mean
-- and sd of them, and the temperature's sd was the one not kept already.
UPDATE `round_results` SET `scores` = json_remove(
  json_set(`scores`, '$.scores.overall.sd', (
    SELECT CASE WHEN count(*) >= 2 THEN sqrt(sum((j.`value` - m.`mean`) * (j.`value` - m.`mean`)) / (count(*) - 1)) END
      FROM json_each(`scores`, '$.scores.overall.respondentScores') j,
           (SELECT avg(`value`) AS `mean` FROM json_each(`scores`, '$.scores.overall.respondentScores')) m)),
  '$.scores.overall.respondentScores', '$.scores.themes[0].respondentScores', '$.scores.themes[1].respondentScores', '$.scores.themes[2].respondentScores', '$.scores.themes[3].respondentScores', '$.scores.themes[4].respondentScores')
WHERE json_extract(`scores`, '$.scores.suppressed') = 0;
