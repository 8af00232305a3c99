/**
 * What the demo people eat: typical US portions with carbohydrate, protein and fat in grams
 * (USDA FoodData Central orders of magnitude). A generated meal scales one item by a portion factor.
 */
import type { MealType } from "./types";

export interface MenuItem {
  description: string;
  carbsG: number;
  proteinG: number;
  fatG: number;
}

export const MENU: Record<MealType, readonly MenuItem[]> = {
  breakfast: [
    { description: "Oatmeal with banana and walnuts", carbsG: 58, proteinG: 10, fatG: 12 },
    { description: "Greek yogurt with berries and granola", carbsG: 42, proteinG: 20, fatG: 8 },
    { description: "Two eggs, whole-wheat toast and an orange", carbsG: 38, proteinG: 18, fatG: 14 },
    { description: "Bagel with cream cheese", carbsG: 56, proteinG: 12, fatG: 11 },
    { description: "Veggie omelette with one slice of toast", carbsG: 20, proteinG: 22, fatG: 18 },
    { description: "Bran cereal with milk and a banana", carbsG: 62, proteinG: 12, fatG: 5 },
    { description: "Peanut butter toast and coffee with milk", carbsG: 34, proteinG: 13, fatG: 17 },
  ],
  lunch: [
    { description: "Turkey sandwich on whole wheat with an apple", carbsG: 62, proteinG: 30, fatG: 12 },
    { description: "Chicken burrito bowl with rice and beans", carbsG: 78, proteinG: 38, fatG: 18 },
    { description: "Lentil soup with a bread roll", carbsG: 55, proteinG: 18, fatG: 7 },
    { description: "Grilled chicken salad with quinoa", carbsG: 36, proteinG: 35, fatG: 15 },
    { description: "Tuna wrap with chips", carbsG: 58, proteinG: 26, fatG: 17 },
    { description: "Leftover pasta with tomato sauce", carbsG: 70, proteinG: 15, fatG: 10 },
    { description: "Sushi lunch set (8 pieces)", carbsG: 64, proteinG: 22, fatG: 6 },
  ],
  dinner: [
    { description: "Salmon, brown rice and broccoli", carbsG: 55, proteinG: 38, fatG: 20 },
    { description: "Spaghetti bolognese", carbsG: 85, proteinG: 32, fatG: 20 },
    { description: "Chicken stir-fry with noodles", carbsG: 72, proteinG: 34, fatG: 16 },
    { description: "Steak, baked potato and green beans", carbsG: 48, proteinG: 42, fatG: 24 },
    { description: "Pizza, three slices", carbsG: 96, proteinG: 30, fatG: 30 },
    { description: "Black bean tacos with rice", carbsG: 80, proteinG: 22, fatG: 15 },
    { description: "Baked cod, roasted vegetables and couscous", carbsG: 58, proteinG: 36, fatG: 12 },
    { description: "Pad thai with shrimp", carbsG: 90, proteinG: 28, fatG: 22 },
  ],
  snack: [
    { description: "Apple with peanut butter", carbsG: 25, proteinG: 4, fatG: 8 },
    { description: "Handful of almonds", carbsG: 6, proteinG: 6, fatG: 14 },
    { description: "Granola bar", carbsG: 29, proteinG: 3, fatG: 6 },
    { description: "Banana", carbsG: 27, proteinG: 1, fatG: 0 },
    { description: "Crackers and cheese", carbsG: 20, proteinG: 8, fatG: 10 },
    { description: "Chocolate chip cookie", carbsG: 32, proteinG: 2, fatG: 10 },
  ],
};

/** Atwater factors: 4 kcal per gram of carbohydrate and protein, 9 per gram of fat. */
export function computeKcal(carbsG: number, proteinG: number, fatG: number): number {
  return Math.round(4 * carbsG + 4 * proteinG + 9 * fatG);
}
