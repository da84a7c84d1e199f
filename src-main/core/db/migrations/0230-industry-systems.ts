import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * A firm's industry code is read in one of two classifications, DB07 or DB25
 * (src-shared/codes/industry.ts). Until now every firm was written as DB07, the column's default,
 * and a caseload file could bring any text.
 *
 * - Spellings of the two ("db25", "DB 07") are written as the code; anything else was written
 *   when DB07 was the only system, so it is DB07.
 * - A firm whose code is still the one the CVR register gave it, read from 2025 on, has a DB25
 *   code: the register moved every firm to DB25 on 1 January 2025. (The next read of the register
 *   corrects a firm imported from an older extract.)
 * - Triggers keep every other writer to the two systems; the API and imports check before.
 */
function up(db: Database): void {
  db.exec(`
    UPDATE companies SET industry_system = upper(replace(replace(trim(industry_system), ' ', ''), '-', ''))
      WHERE industry_system NOT IN ('DB07', 'DB25');
    UPDATE companies SET industry_system = 'DB07' WHERE industry_system NOT IN ('DB07', 'DB25');
    UPDATE companies SET industry_system = 'DB25'
      WHERE industry_system = 'DB07' AND industry_code IS NOT NULL
        AND id IN (SELECT r.company_id FROM company_register r
          WHERE r.read_at >= '2025-01-01' AND json_extract(r.register_values, '$.industry_code') = companies.industry_code);

    CREATE TRIGGER companies_industry_system_insert BEFORE INSERT ON companies
    WHEN new.industry_system NOT IN ('DB07', 'DB25')
    BEGIN
      SELECT RAISE(ABORT, 'industry_system_unknown');
    END;
    CREATE TRIGGER companies_industry_system_update BEFORE UPDATE OF industry_system ON companies
    WHEN new.industry_system NOT IN ('DB07', 'DB25')
    BEGIN
      SELECT RAISE(ABORT, 'industry_system_unknown');
    END;
  `);
}

export const industrySystems: Migration = { version: 230, name: 'industry-systems', up };
