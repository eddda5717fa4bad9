import { describe, expect, it } from 'vitest';
import { ConfigError, describeStartupError, envForAdapter, parseConfig } from './config';

describe('parseConfig', () => {
	it('has working defaults for the two-command start', () => {
		const c = parseConfig({});
		expect(c.PORT).toBe(3000);
		expect(c.HOST).toBe('127.0.0.1');
		expect(c.origin).toBe('http://localhost:3000');
		expect(c.dataDir).toMatch(/\/data$/);
		expect(c.DATABASE_URL).toBeUndefined();
		expect(c.SEED_ON_START).toBe(true);
	});

	it('takes valid values', () => {
		const c = parseConfig({
			PORT: '8080',
			ORIGIN: 'https://streek.example.org',
			DATABASE_URL: 'postgres://app:secret@db.internal:5432/streek',
			SEED_ON_START: 'false',
			LOG_LEVEL: 'warn'
		});
		expect(c.PORT).toBe(8080);
		expect(c.origin).toBe('https://streek.example.org');
		expect(c.SEED_ON_START).toBe(false);
	});

	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['DATABASE_URL', 'not-a-url'],
		['DATABASE_URL', 'mysql://x@y/z'],
		['ORIGIN', 'localhost:3000'],
		['LOG_LEVEL', 'loud'],
		['SEED_ON_START', 'yes please']
	])('refuses %s=%s with one line naming the variable', (name, value) => {
		let error: unknown;
		try {
			parseConfig({ [name]: value });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		expect(message).toContain(name);
		expect(message).not.toContain('\n');
		expect(describeStartupError(error)).toBe(message);
	});

	it('reads MINUTES_REMINDER_DAYS (default 14) and refuses what is not a whole number of days', () => {
		expect(parseConfig({}).MINUTES_REMINDER_DAYS).toBe(14);
		expect(parseConfig({ MINUTES_REMINDER_DAYS: '7' }).MINUTES_REMINDER_DAYS).toBe(7);
		const refusal = (value: string) => {
			try {
				parseConfig({ MINUTES_REMINDER_DAYS: value });
			} catch (e) {
				expect(e).toBeInstanceOf(ConfigError);
				return (e as Error).message;
			}
			throw new Error(`MINUTES_REMINDER_DAYS=${value} was accepted`);
		};
		expect(refusal('twee weken')).toBe(
			'Ongeldige instelling MINUTES_REMINDER_DAYS="twee weken": moet een geheel aantal dagen zijn (1–365)'
		);
		expect(refusal('1.5')).toBe(
			'Ongeldige instelling MINUTES_REMINDER_DAYS="1.5": moet een geheel aantal dagen zijn (1–365)'
		);
		expect(refusal('0')).toBe(
			'Ongeldige instelling MINUTES_REMINDER_DAYS="0": moet minstens 1 dag zijn'
		);
		expect(refusal('400')).toBe(
			'Ongeldige instelling MINUTES_REMINDER_DAYS="400": mag hoogstens 365 dagen zijn'
		);
	});

	it('treats empty values as unset', () => {
		expect(parseConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
	});
});

describe('describeStartupError', () => {
	it('explains an unreachable database in one line', () => {
		const e = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
		const line = describeStartupError(e);
		expect(line).toContain('DATABASE_URL');
		expect(line).not.toContain('\n');
	});
});

describe('envForAdapter', () => {
	it('hands ORIGIN to adapter-node and leaves the protocol and host headers out when it is set', () => {
		const env = envForAdapter(
			parseConfig({
				ORIGIN: 'https://streek.example.be',
				PROTOCOL_HEADER: 'X-Forwarded-Proto',
				HOST_HEADER: 'X-Forwarded-Host',
				ADDRESS_HEADER: 'X-Forwarded-For'
			})
		);
		expect(env.ORIGIN).toBe('https://streek.example.be');
		expect(env.PROTOCOL_HEADER).toBeUndefined();
		expect(env.HOST_HEADER).toBeUndefined();
		expect(env.ADDRESS_HEADER).toBe('X-Forwarded-For');
		expect(env.BODY_SIZE_LIMIT).toBe('Infinity');
	});

	it('without ORIGIN, hands the protocol and host headers instead of a made-up origin', () => {
		const env = envForAdapter(
			parseConfig({ PROTOCOL_HEADER: 'X-Forwarded-Proto', HOST_HEADER: 'X-Forwarded-Host' })
		);
		expect(env.ORIGIN).toBeUndefined();
		expect(env.PROTOCOL_HEADER).toBe('X-Forwarded-Proto');
		expect(env.HOST_HEADER).toBe('X-Forwarded-Host');
	});

	it('without ORIGIN or headers, uses http://localhost:PORT', () => {
		expect(envForAdapter(parseConfig({ PORT: '3411' })).ORIGIN).toBe('http://localhost:3411');
	});

	it('refuses a header setting that is not a header name', () => {
		expect(() => parseConfig({ PROTOCOL_HEADER: 'X-Forwarded-Proto: https' })).toThrow(
			/^Ongeldige instelling PROTOCOL_HEADER=/
		);
	});
});
