/** The scenario the e2e server was started with (loaded by scripts/scenario.ts before it). */
import fs from 'node:fs';
import path from 'node:path';

export type Persona = {
	email: string;
	password: string;
	totpSecret: string | null;
	sessionToken: string;
	body: string | null;
};
export type PersonaKey =
	| 'admin'
	| 'adminB'
	| 'staff'
	| 'secretary'
	| 'member'
	| 'otherMember'
	| 'wgSecretary'
	| 'stuurgroepSecretary'
	| 'mayorsSecretary';

/** E2E_SCENARIO: another scenario file, for a spec run against one's own dev server. */
export const SCENARIO_FILE = path.resolve(process.env.E2E_SCENARIO ?? '.tmp/e2e-scenario.json');

/** The personas, an API token with structure:read and one with observations:write. */
type Scenario = Record<PersonaKey, Persona> & { apiToken: string; observationsToken: string };

export function scenario(): Scenario {
	return JSON.parse(fs.readFileSync(SCENARIO_FILE, 'utf8')) as Scenario;
}
