-- CreateTable
CREATE TABLE "PortraitComment" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "parentId" TEXT,
    "field" TEXT,
    "competencyId" TEXT,
    "anchorFrom" TEXT,
    "anchorTo" TEXT,
    "quote" TEXT,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortraitComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortraitComment_districtId_createdAt_idx" ON "PortraitComment"("districtId", "createdAt");

-- CreateIndex
CREATE INDEX "PortraitComment_parentId_idx" ON "PortraitComment"("parentId");

-- AddForeignKey
ALTER TABLE "PortraitComment" ADD CONSTRAINT "PortraitComment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PortraitDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitComment" ADD CONSTRAINT "PortraitComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PortraitComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitComment" ADD CONSTRAINT "PortraitComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitComment" ADD CONSTRAINT "PortraitComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
