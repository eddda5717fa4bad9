import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel } from './periods';

describe('periods', () => {
	it.each([
		['2024', { period: '2024', kind: 'year', start: '2024-01-01' }],
		[' 2024 ', { period: '2024', kind: 'year', start: '2024-01-01' }],
		['2024-Q3', { period: '2024-Q3', kind: 'quarter', start: '2024-07-01' }],
		['2024q1', { period: '2024-Q1', kind: 'quarter', start: '2024-01-01' }],
		['2024-03', { period: '2024-03', kind: 'month', start: '2024-03-01' }],
		['2024-02-29', { period: '2024-02-29', kind: 'date', start: '2024-02-29' }],
		['15/03/2024', { period: '2024-03-15', kind: 'date', start: '2024-03-15' }]
	])('reads %s', (input, expected) => {
		expect(parsePeriod(input)).toEqual(expected);
	});

	it.each(['', 'twintig', '1799', '2101', '2024-Q5', '2024-13', '2023-02-29', '31/04/2024', '24'])(
		'refuses %s',
		(input) => {
			expect(parsePeriod(input)).toBeNull();
		}
	);

	it('labels periods in Dutch and English', () => {
		expect(periodLabel('2024-Q2')).toBe('2e kwartaal 2024');
		expect(periodLabel('2024-Q2', 'en')).toBe('Q2 2024');
		expect(periodLabel('2024-03')).toBe('maart 2024');
		expect(periodLabel('2024-03-15')).toBe('15 maart 2024');
		expect(periodLabel('2024')).toBe('2024');
	});
});
